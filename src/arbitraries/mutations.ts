import type { PreparedDocument } from './document.ts';
import { FORMAT_BREAKERS, formatCheck } from './formats.ts';
import { codePointLength, deleteAt, isPlainObject, jsonEqual, joinPointer, replaceAt, setOwn, type JsonType } from './json.ts';
import type { RawSchema } from './keywords.ts';
import { compilePattern } from './regex.ts';

/** What was done to a valid value to make it invalid. */
export type MutationKind =
  | 'drop-required'
  | 'wrong-type'
  | 'out-of-range'
  | 'not-multiple-of'
  | 'not-in-enum'
  | 'extra-property'
  | 'pattern-mismatch'
  | 'format-mismatch'
  | 'too-short'
  | 'too-long'
  | 'too-few-items'
  | 'too-many-items'
  | 'duplicate-items'
  | 'missing-contains'
  | 'too-few-properties'
  | 'too-many-properties'
  | 'property-name-mismatch';

export const MUTATION_KINDS: readonly MutationKind[] = [
  'drop-required',
  'wrong-type',
  'out-of-range',
  'not-multiple-of',
  'not-in-enum',
  'extra-property',
  'pattern-mismatch',
  'format-mismatch',
  'too-short',
  'too-long',
  'too-few-items',
  'too-many-items',
  'duplicate-items',
  'missing-contains',
  'too-few-properties',
  'too-many-properties',
  'property-name-mismatch',
];

export interface Mutation {
  kind: MutationKind;
  /** JSON pointer into the value, to where the mutation was made. */
  pointer: string;
  description: string;
}

export interface MutatedValue {
  value: unknown;
  mutation: Mutation;
}

/**
 * A single-site mutation of a valid `value` that the schema forbids, or undefined if there is none.
 * A place in the value is picked (by `choice`, going round the places in a fixed order); the
 * schemas that apply there are found by following the path from the root (through `$ref`,
 * `allOf`, the `anyOf`/`oneOf` branches the value actually satisfies, the `if` branch it takes);
 * their keywords propose mutations. Context can rescue a mutation (another `anyOf` branch may
 * accept the wrong type), so each is checked with the validator at the root and the first one
 * really rejected is returned — a mutation the schema still accepts is never emitted. Only the
 * path to one place is examined per value, not the whole value.
 */
export function pickMutation(doc: PreparedDocument, value: unknown, choice: number, kinds?: ReadonlySet<MutationKind>): MutatedValue | undefined {
  const places = placesOf(value);
  for (let i = 0; i < places.length; i++) {
    const candidates = candidatesAt(doc, value, places[(choice + i) % places.length]!, kinds);
    for (let j = 0; j < candidates.length; j++) {
      const found = verified(doc, value, candidates[(choice + j) % candidates.length]!);
      if (found) return found;
    }
  }
  return undefined;
}

interface Candidate {
  kind: MutationKind;
  path: Array<string | number>;
  description: string;
  replacement: unknown;
  isDeletion: boolean;
}

function verified(doc: PreparedDocument, value: unknown, c: Candidate): MutatedValue | undefined {
  const mutated = c.isDeletion ? deleteAt(value, c.path) : replaceAt(value, c.path, c.replacement);
  if (doc.entryValidator(mutated) === true) return undefined;
  return { value: mutated, mutation: { kind: c.kind, pointer: joinPointer('', ...c.path), description: c.description } };
}

/** Every place in a value (the root first, then depth-first), as paths. */
function placesOf(value: unknown, limit = 5000): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const visit = (v: unknown, path: Array<string | number>, depth: number) => {
    if (out.length >= limit || depth > MAX_WALK_DEPTH) return;
    out.push(path);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) visit(v[i], [...path, i], depth + 1);
    else if (isPlainObject(v)) for (const key of Object.keys(v)) visit(v[key], [...path, key], depth + 1);
  };
  visit(value, [], 0);
  return out;
}

/** The mutations the schemas applying at `path` forbid, in a fixed order. */
function candidatesAt(doc: PreparedDocument, root: unknown, path: ReadonlyArray<string | number>, kinds?: ReadonlySet<MutationKind>): Candidate[] {
  let value = root;
  let schemas: RawSchema[] = [doc.entry];
  for (const step of path) {
    const applied = applicable(doc, value, schemas);
    if (applied.length === 0) return [];
    schemas = typeof step === 'number' ? itemSchemas(applied, step) : propertySchemas(applied, step);
    value = (value as Record<string | number, unknown>)[step];
  }
  const out: Candidate[] = [];
  const here = path.slice();
  const propose: Propose = (at, kind, description, replacement, isDeletion = false) => {
    if (kinds && !kinds.has(kind)) return;
    out.push({ kind, path: at, description, replacement, isDeletion });
  };
  mutationsHere(doc, value, applicable(doc, value, schemas), here, propose);
  return out;
}

type Propose = (path: Array<string | number>, kind: MutationKind, description: string, replacement: unknown, isDeletion?: boolean) => void;

const MAX_WALK_DEPTH = 64;

function mutationsHere(doc: PreparedDocument, value: unknown, applied: SchemaObject[], path: Array<string | number>, propose: Propose): void {
  if (applied.length === 0) return;
  const c = collect(applied);
  if (c.types) {
    const wrong = WRONG_TYPE_SAMPLES.find(([type]) => !c.types!.some((t) => typeMatches(t, type)));
    if (wrong) propose(path, 'wrong-type', `replaced by ${JSON.stringify(wrong[1])} (${wrong[0]}), where ${c.types.join(' or ')} is expected`, wrong[1]);
  }
  for (const values of c.enums) {
    const outside = outsideEnum(value, values);
    if (outside !== undefined) propose(path, 'not-in-enum', `replaced by ${JSON.stringify(outside)}, which is not one of ${truncate(JSON.stringify(values))}`, outside);
  }
  if (typeof value === 'number') numberMutations(value, c, path, propose);
  if (typeof value === 'string') stringMutations(doc, value, c, path, propose);
  if (Array.isArray(value)) arrayMutations(doc, value, c, path, propose);
  if (isPlainObject(value)) objectMutations(doc, value, c, path, propose);
}

function itemSchemas(applied: SchemaObject[], index: number): RawSchema[] {
  const out: RawSchema[] = [];
  for (const s of applied) {
    if (Array.isArray(s.prefixItems) && index < s.prefixItems.length) out.push(s.prefixItems[index] as RawSchema);
    else if ('items' in s) out.push(s.items as RawSchema);
  }
  return out;
}

type SchemaObject = Record<string, unknown>;

/** The schemas that apply to `value` here: through `$ref`, `allOf`, and the branches it takes. */
function applicable(doc: PreparedDocument, value: unknown, schemas: RawSchema[]): SchemaObject[] {
  const out: SchemaObject[] = [];
  const seen = new Set<object>();
  const accepts = (schema: unknown) => doc.validator([schema as RawSchema])(value) === true;
  const visit = (schema: unknown) => {
    if (typeof schema !== 'object' || schema === null || seen.has(schema)) return;
    seen.add(schema);
    const s = schema as SchemaObject;
    out.push(s);
    if (typeof s.$ref === 'string') visit(doc.resolveRef(s.$ref, '').schema);
    if (Array.isArray(s.allOf)) s.allOf.forEach(visit);
    for (const keyword of ['anyOf', 'oneOf']) {
      const list = s[keyword];
      if (Array.isArray(list)) for (const member of list) if (accepts(member)) visit(member);
    }
    if ('if' in s) {
      if (accepts(s.if)) {
        if ('then' in s) visit(s.then);
      } else if ('else' in s) visit(s.else);
    }
    if (isPlainObject(s.dependentSchemas) && isPlainObject(value)) {
      for (const [name, dependent] of Object.entries(s.dependentSchemas)) if (Object.prototype.hasOwnProperty.call(value, name)) visit(dependent);
    }
  };
  schemas.forEach(visit);
  return out;
}

interface Collected {
  types?: JsonType[];
  enums: unknown[][];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  multipleOf: number[];
  minLength?: number;
  maxLength?: number;
  patterns: string[];
  formats: string[];
  minItems?: number;
  maxItems?: number;
  uniqueItems: boolean;
  contains: RawSchema[];
  required: string[];
  minProperties?: number;
  maxProperties?: number;
  propertyNames: RawSchema[];
  closed: Array<{ schema: SchemaObject; additional: RawSchema }>;
}

function collect(schemas: SchemaObject[]): Collected {
  const c: Collected = { enums: [], multipleOf: [], patterns: [], formats: [], uniqueItems: false, contains: [], required: [], propertyNames: [], closed: [] };
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  for (const s of schemas) {
    if (s.type !== undefined) {
      const list = (Array.isArray(s.type) ? s.type : [s.type]) as JsonType[];
      const declared = s.nullable === true ? [...list, 'null' as JsonType] : list;
      c.types = c.types ? c.types.filter((t) => declared.includes(t) || (t === 'integer' && declared.includes('number'))) : declared.slice();
      if (c.types.includes('number') && !declared.includes('number') && declared.includes('integer')) c.types = c.types.map((t) => (t === 'number' ? 'integer' : t));
    }
    if (Array.isArray(s.enum)) c.enums.push(s.enum);
    if ('const' in s) c.enums.push([s.const]);
    const tighter = (current: number | undefined, next: number | undefined, pick: (a: number, b: number) => number) =>
      next === undefined ? current : current === undefined ? next : pick(current, next);
    c.minimum = tighter(c.minimum, num(s.minimum), Math.max);
    c.exclusiveMinimum = tighter(c.exclusiveMinimum, num(s.exclusiveMinimum), Math.max);
    c.maximum = tighter(c.maximum, num(s.maximum), Math.min);
    c.exclusiveMaximum = tighter(c.exclusiveMaximum, num(s.exclusiveMaximum), Math.min);
    if (num(s.multipleOf)) c.multipleOf.push(s.multipleOf as number);
    c.minLength = tighter(c.minLength, num(s.minLength), Math.max);
    c.maxLength = tighter(c.maxLength, num(s.maxLength), Math.min);
    if (typeof s.pattern === 'string') c.patterns.push(s.pattern);
    if (typeof s.format === 'string') c.formats.push(s.format);
    c.minItems = tighter(c.minItems, num(s.minItems), Math.max);
    c.maxItems = tighter(c.maxItems, num(s.maxItems), Math.min);
    if (s.uniqueItems === true) c.uniqueItems = true;
    if ('contains' in s && !(s.minContains === 0)) c.contains.push(s.contains as RawSchema);
    if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string' && !c.required.includes(r)) c.required.push(r);
    c.minProperties = tighter(c.minProperties, num(s.minProperties), Math.max);
    c.maxProperties = tighter(c.maxProperties, num(s.maxProperties), Math.min);
    if ('propertyNames' in s) c.propertyNames.push(s.propertyNames as RawSchema);
    if ('additionalProperties' in s && s.additionalProperties !== true) c.closed.push({ schema: s, additional: s.additionalProperties as RawSchema });
  }
  return c;
}

function typeMatches(allowed: JsonType, actual: JsonType): boolean {
  return allowed === actual || (allowed === 'number' && actual === 'integer');
}

const WRONG_TYPE_SAMPLES: ReadonlyArray<[JsonType, unknown]> = [
  ['string', 'apiconform-wrong-type'],
  ['integer', 42],
  ['number', 4.2],
  ['boolean', true],
  ['null', null],
  ['object', {}],
  ['array', []],
];

function outsideEnum(value: unknown, values: unknown[]): unknown {
  const candidates: unknown[] = [];
  if (typeof value === 'string') candidates.push(`${value}-not-in-enum`, 'apiconform-not-in-enum');
  if (typeof value === 'number') {
    const numbers = values.filter((v): v is number => typeof v === 'number');
    candidates.push(Math.max(value, ...numbers) + 1);
  }
  if (typeof value === 'boolean') candidates.push(!value);
  candidates.push('apiconform-not-in-enum', -987654321);
  return candidates.find((candidate) => !values.some((v) => jsonEqual(v, candidate)));
}

function truncate(text: string, max = 120): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

function below(bound: number): number {
  return bound - Math.max(1, Math.abs(bound));
}

function above(bound: number): number {
  return bound + Math.max(1, Math.abs(bound));
}

function numberMutations(value: number, c: Collected, path: Array<string | number>, propose: Propose): void {
  if (c.minimum !== undefined) propose(path, 'out-of-range', `set to ${below(c.minimum)}, below minimum ${c.minimum}`, below(c.minimum));
  if (c.exclusiveMinimum !== undefined) propose(path, 'out-of-range', `set to ${c.exclusiveMinimum}, not above exclusiveMinimum ${c.exclusiveMinimum}`, c.exclusiveMinimum);
  if (c.maximum !== undefined) propose(path, 'out-of-range', `set to ${above(c.maximum)}, above maximum ${c.maximum}`, above(c.maximum));
  if (c.exclusiveMaximum !== undefined) propose(path, 'out-of-range', `set to ${c.exclusiveMaximum}, not below exclusiveMaximum ${c.exclusiveMaximum}`, c.exclusiveMaximum);
  for (const m of c.multipleOf) {
    const candidate = value + m / 2;
    propose(path, 'not-multiple-of', `set to ${candidate}, not a multiple of ${m}`, candidate);
  }
}

function stringMutations(doc: PreparedDocument, value: string, c: Collected, path: Array<string | number>, propose: Propose): void {
  if (c.minLength !== undefined && c.minLength > 0) {
    const shorter = Array.from(value).slice(0, Math.max(0, Math.ceil(c.minLength) - 1)).join('');
    propose(path, 'too-short', `shortened to ${codePointLength(shorter)} characters, below minLength ${c.minLength}`, shorter);
  }
  if (c.maxLength !== undefined) {
    const need = Math.floor(c.maxLength) + 1 - codePointLength(value);
    const longer = value + 'x'.repeat(Math.max(1, need));
    propose(path, 'too-long', `lengthened to ${codePointLength(longer)} characters, above maxLength ${c.maxLength}`, longer);
  }
  for (const pattern of c.patterns) {
    let compiled;
    try {
      compiled = compilePattern(pattern, '');
    } catch {
      continue;
    }
    const breaker = [value + '\n!', '', ' ', '!', '\u0000', '0', 'a', 'Z', value.slice(1)].find((s) => !compiled.test(s));
    if (breaker !== undefined) propose(path, 'pattern-mismatch', `replaced by ${JSON.stringify(breaker)}, which does not match ${JSON.stringify(pattern)}`, breaker);
  }
  for (const format of c.formats) {
    const check = formatCheck(doc.ajv, format);
    if (!check) continue;
    const breaker = FORMAT_BREAKERS.find((s) => !check(s));
    if (breaker !== undefined) propose(path, 'format-mismatch', `replaced by ${JSON.stringify(breaker)}, which is not a valid ${format}`, breaker);
  }
}

function arrayMutations(doc: PreparedDocument, value: unknown[], c: Collected, path: Array<string | number>, propose: Propose): void {
  if (c.minItems !== undefined && c.minItems > 0) {
    const shorter = value.slice(0, Math.max(0, Math.ceil(c.minItems) - 1));
    propose(path, 'too-few-items', `cut to ${shorter.length} items, below minItems ${c.minItems}`, shorter);
  }
  if (c.maxItems !== undefined) {
    const filler = value.length > 0 ? value[value.length - 1] : null;
    const longer = [...value];
    while (longer.length <= c.maxItems) longer.push(filler);
    propose(path, 'too-many-items', `extended to ${longer.length} items, above maxItems ${c.maxItems}`, longer);
  }
  if (c.uniqueItems && value.length > 0) {
    const duplicated = value.length >= 2 ? [...value.slice(0, -1), value[0]] : [value[0], value[0]];
    propose(path, 'duplicate-items', 'an item repeated, but uniqueItems is set', duplicated);
  }
  for (const contains of c.contains) {
    const check = doc.validator([contains]);
    const without = value.filter((item) => check(item) !== true);
    if (without.length < value.length) propose(path, 'missing-contains', `items matching contains removed (${value.length - without.length})`, without);
  }
}

function objectMutations(
  doc: PreparedDocument,
  value: Record<string, unknown>,
  c: Collected,
  path: Array<string | number>,
  propose: Propose,
): void {
  for (const name of c.required) {
    if (Object.prototype.hasOwnProperty.call(value, name)) propose([...path, name], 'drop-required', `required property "${name}" removed`, undefined, true);
  }
  for (const { schema, additional } of c.closed) {
    const name = freshName(value, schema);
    const extra = additional === false ? 'apiconform-extra' : rejectedBy(doc, additional);
    if (name !== undefined && extra !== NONE) {
      propose([...path, name], 'extra-property', `property "${name}" added, which ${additional === false ? 'additionalProperties: false forbids' : 'additionalProperties rejects'}`, extra);
    }
  }
  const keys = Object.keys(value);
  if (c.minProperties !== undefined && c.minProperties > 0 && keys.length > 0) {
    const kept = keys.slice(0, Math.max(0, Math.ceil(c.minProperties) - 1));
    const smaller: Record<string, unknown> = {};
    for (const k of kept) setOwn(smaller, k, value[k]);
    propose(path, 'too-few-properties', `cut to ${kept.length} properties, below minProperties ${c.minProperties}`, smaller);
  }
  if (c.maxProperties !== undefined) {
    const larger: Record<string, unknown> = { ...value };
    for (let i = 0; Object.keys(larger).length <= c.maxProperties; i++) setOwn(larger, `apiconform_extra_${i}`, null);
    propose(path, 'too-many-properties', `extended to ${Object.keys(larger).length} properties, above maxProperties ${c.maxProperties}`, larger);
  }
  for (const names of c.propertyNames) {
    const check = doc.validator([names]);
    const bad = ['', ' ', '!', '0', 'A', 'apiconform-invalid-name', 'x'.repeat(300)].find((n) => check(n) !== true && !Object.prototype.hasOwnProperty.call(value, n));
    if (bad !== undefined) propose([...path, bad], 'property-name-mismatch', `property ${JSON.stringify(bad)} added, whose name propertyNames rejects`, null);
  }
}

const NONE = Symbol('none');

function rejectedBy(doc: PreparedDocument, schema: RawSchema): unknown {
  const check = doc.validator([schema]);
  for (const candidate of ['apiconform-extra', 0, 4.2, true, null, [], {}]) if (check(candidate) !== true) return candidate;
  return NONE;
}

function freshName(value: Record<string, unknown>, schema: SchemaObject): string | undefined {
  const declared = isPlainObject(schema.properties) ? schema.properties : {};
  const patterns = isPlainObject(schema.patternProperties) ? Object.keys(schema.patternProperties) : [];
  for (const name of ['apiconform_extra', 'zz_extra', 'x-extra', '9', 'Extra Property']) {
    if (Object.prototype.hasOwnProperty.call(value, name) || Object.prototype.hasOwnProperty.call(declared, name)) continue;
    if (patterns.some((p) => safeTest(p, name))) continue;
    return name;
  }
  return undefined;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return compilePattern(pattern, '').test(text);
  } catch {
    return true;
  }
}

/** The schemas a property value of `key` is subject to, from each applied schema. */
function propertySchemas(applied: SchemaObject[], key: string): RawSchema[] {
  const out: RawSchema[] = [];
  for (const s of applied) {
    let matched = false;
    if (isPlainObject(s.properties) && Object.prototype.hasOwnProperty.call(s.properties, key)) {
      out.push(s.properties[key] as RawSchema);
      matched = true;
    }
    if (isPlainObject(s.patternProperties)) {
      for (const [p, schema] of Object.entries(s.patternProperties)) {
        if (safeTest(p, key)) {
          out.push(schema as RawSchema);
          matched = true;
        }
      }
    }
    if (!matched && 'additionalProperties' in s) out.push(s.additionalProperties as RawSchema);
  }
  return out;
}
