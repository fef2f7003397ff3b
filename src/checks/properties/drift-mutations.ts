import { appendPointer } from '../../schemas/index.ts';
import { deleteAt, isPlainObject, replaceAt, setOwn } from '../../util/json.ts';

/**
 * The ways a live response drifts from its catalogue example, as `drift` would meet them: a field
 * that vanishes, a value of another type, a null, a string value nobody listed (a new enum value),
 * a formatted string in another format, a field nobody declared.
 */
export type DriftKind = 'missing-field' | 'type-changed' | 'null' | 'enum-value' | 'format' | 'extra-field';

export const DRIFT_KINDS: readonly DriftKind[] = ['missing-field', 'type-changed', 'null', 'enum-value', 'format', 'extra-field'];

/** How reports name each kind ("drift checks are blind to missing fields on N of M responses"). */
export const DRIFT_KIND_LABEL: Record<DriftKind, string> = {
  'missing-field': 'missing fields',
  'type-changed': 'type changes',
  null: 'nulls',
  'enum-value': 'new enum values',
  format: 'format changes',
  'extra-field': 'extra fields',
};

/** A place in a body: the path to it and the value there. */
export interface Site {
  path: Array<string | number>;
  value: unknown;
  /** The last step is an object key (the value can vanish). */
  inObject: boolean;
}

export interface DriftMutation {
  kind: DriftKind;
  /** JSON pointer into the body. */
  pointer: string;
  value: unknown;
}

/** Most places looked at in one body, and the deepest: bodies are bounded by the generator, this bounds the walk too. */
const MAX_SITES = 2000;
const MAX_DEPTH = 64;

/** Every place in a body, root first then depth-first, iteratively (no recursion on the body's depth). */
export function sitesOf(body: unknown): Site[] {
  const out: Site[] = [];
  const stack: Array<{ path: Array<string | number>; value: unknown; inObject: boolean }> = [{ path: [], value: body, inObject: false }];
  while (stack.length > 0 && out.length < MAX_SITES) {
    const site = stack.pop()!;
    out.push(site);
    if (site.path.length >= MAX_DEPTH) continue;
    const { value, path } = site;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ path: [...path, i], value: value[i], inObject: false });
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ path: [...path, keys[i]!], value: value[keys[i]!], inObject: true });
    }
  }
  return out;
}

/** Strings that look like a value of a common `format` (what a provider may switch to another format). */
const FORMATTED = [
  /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/, // date, date-time
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, // uuid
  /^[^@\s]+@[^@\s]+\.[^@\s]+$/, // email
  /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/\S+$/, // uri
  /^(\d{1,3}\.){3}\d{1,3}$/, // ipv4
];
export const looksFormatted = (value: string) => FORMATTED.some((re) => re.test(value));

/** A value of another JSON type than `value`. */
function otherType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return { apiconform_was: 'array' };
  return ['apiconform-was-an-object'];
}

/** The mutation of `kind` at `site`, or undefined where that kind cannot happen (no key to drop, not a string…). */
export function mutateAt(body: unknown, kind: DriftKind, site: Site): DriftMutation | undefined {
  const { value, path } = site;
  const pointer = appendPointer('', ...path);
  switch (kind) {
    case 'missing-field':
      return site.inObject ? { kind, pointer, value: deleteAt(body, path) } : undefined;
    case 'type-changed':
      return value === null ? undefined : { kind, pointer, value: replaceAt(body, path, otherType(value)) };
    case 'null':
      return value === null ? undefined : { kind, pointer, value: replaceAt(body, path, null) };
    case 'enum-value':
      return typeof value === 'string' ? { kind, pointer, value: replaceAt(body, path, `${value}-apiconform-unlisted`) } : undefined;
    case 'format':
      return typeof value === 'string' && looksFormatted(value) ? { kind, pointer, value: replaceAt(body, path, `formatted otherwise: ${value.split('').reverse().join('')}`) } : undefined;
    case 'extra-field':
      if (!isPlainObject(value)) return undefined;
      return { kind, pointer, value: replaceAt(body, path, withKey(value, 'apiconform_unexpected_field', 'drift')) };
  }
}

function withKey(object: Record<string, unknown>, key: string, added: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(object)) setOwn(copy, k, object[k]);
  setOwn(copy, key, added);
  return copy;
}
