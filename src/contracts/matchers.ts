import { appendPointer } from '../schemas/pointer.ts';
import type { JsonSchema } from '../schemas/types.ts';
import { compileLinearRegExp, patternProblem } from '../validators/regexp.ts';
import { deepEqual, fullMatch, isFullDate, isPlainObject, satisfies, type MatcherNode } from './matcher-tree.ts';
import { familiesOf, familyOf, typeAdmits, viewOf, type SchemaView } from './schema-view.ts';

/**
 * Where a contract checks less than the schema says, and why: the example breaks its own schema
 * (the matcher falls back to the example's type so that the example still passes its contract),
 * or the schema says something Pact cannot express (a union of types such as `["string","null"]`).
 */
export interface MatcherNote {
  /** JSON pointer into the example body (array templates point at element 0). */
  pointer: string;
  kind: 'fallback' | 'unchecked';
  message: string;
}

export interface InferredMatchers {
  node: MatcherNode;
  notes: MatcherNote[];
}

/**
 * Schema + example body → the matcher tree of a Pact response body (a pure function).
 *
 * Types come from the schema, values from the example: `integer`/`number`/`boolean`/`type` for
 * scalars, `regex` for `pattern` and for RFC 3339 date-time/time and uuid (Pact's timestamp
 * patterns have no optional parts, so one pattern cannot accept both `…:26Z` and `…:26.5Z`, which
 * the schema allows), `date` for `format: date`, arrays by a template with the schema's
 * `minItems`/`maxItems`. Exact values only for `const` and one-member `enum`; a string `enum`
 * becomes an alternation regex. Every key the example has is expected (it shows what the provider
 * sends), whether or not the schema lists it in `required`; verification grades a missing
 * optional key lower. The result is proven against the example: `satisfies(node, body)` holds.
 */
export function inferMatchers(schema: JsonSchema, body: unknown): InferredMatchers {
  const context: Context = { root: schema, notes: [] };
  let node = infer(context, [schema], body, '');
  if (!node) {
    note(context, '', 'unchecked', 'the schema does not constrain the body in a way Pact can express; the body is matched by the example\'s shape');
    node = fromValue(context, body, '');
  }
  if (!satisfies(node, body)) {
    // A bug in the inference, not in the catalogue: fail loudly rather than write a contract the mock cannot pass.
    throw new Error(`internal: inferred matchers do not accept their own example (${JSON.stringify(node).slice(0, 200)})`);
  }
  return { node, notes: context.notes };
}

interface Context {
  root: JsonSchema;
  notes: MatcherNote[];
}

function note(context: Context, pointer: string, kind: MatcherNote['kind'], message: string): void {
  context.notes.push({ pointer, kind, message });
}

/** RFC 3339 `date-time` (as ajv-formats checks it: `T`, `t` or space; offset required). */
export const DATE_TIME_REGEX = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[Tt ]([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):?[0-5]\\d)';
/** RFC 3339 `full-time` (offset optional, as ajv-formats accepts it). */
export const TIME_REGEX = '([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):?[0-5]\\d)?';
/** RFC 4122 uuid, either case (ajv-formats' `uuid` is case-insensitive; Pact's `uuid()` is not). */
export const UUID_REGEX = '(urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const FORMAT_REGEXES: Record<string, { regex: string; reason: 'date-time' | 'time' | 'uuid' }> = {
  'date-time': { regex: DATE_TIME_REGEX, reason: 'date-time' },
  time: { regex: TIME_REGEX, reason: 'time' },
  uuid: { regex: UUID_REGEX, reason: 'uuid' },
};

/** The matcher for `value` under all of `schemas`, or undefined when nothing Pact can check applies. */
function infer(context: Context, schemas: readonly JsonSchema[], value: unknown, pointer: string): MatcherNode | undefined {
  const resolved = new Set<JsonSchema[]>();
  const chosen: JsonSchema[] = [];
  let view = viewOf(schemas, context.root, resolved);
  if (view.never) return fallback(context, value, pointer, 'the schema here accepts nothing (false or an unresolvable $ref)');

  // anyOf/oneOf: the example picks the branch. When the branches allow different types the
  // provider may send any of them, which no single Pact matcher accepts.
  while (view.alternatives.length > 0) {
    const group = view.alternatives[0]!;
    resolved.add(group);
    const families = new Set(group.flatMap((branch) => [...familiesAllowed(context, branch)]).filter((f) => f !== '*'));
    if (families.size > 1) {
      note(context, pointer, 'unchecked', `the schema allows several types here (${[...families].sort().join(', ')}); Pact cannot express a union, so the value is not checked`);
      return undefined;
    }
    const branch = group.find((candidate) => fits(context, candidate, value));
    if (!branch) return fallback(context, value, pointer, 'the example matches none of the schema\'s anyOf/oneOf alternatives');
    chosen.push(branch);
    view = viewOf([...schemas, ...chosen], context.root, resolved);
    if (view.never) return fallback(context, value, pointer, 'the schema here accepts nothing (false or an unresolvable $ref)');
  }

  if (view.types) {
    const families = familiesOf(view.types);
    if (families.size > 1) {
      note(context, pointer, 'unchecked', `the schema allows several types here (${[...view.types].sort().join(', ')}); Pact cannot express a union, so the value is not checked`);
      return undefined;
    }
    if (families.size === 0) return fallback(context, value, pointer, 'the schema\'s types contradict each other');
  }

  if (view.const) {
    if (deepEqual(view.const.value, value)) return { kind: 'equal', example: value };
    return fallback(context, value, pointer, `the example is not the schema's const ${short(view.const.value)}`);
  }
  if (view.enum) return fromEnum(context, view.enum, value, pointer);

  if (view.types && !typeAdmits(view.types, value)) {
    return fallback(context, value, pointer, `the example is ${describe(value)} but the schema says ${[...view.types].join(' or ')}`);
  }
  if (!view.types && !impliesType(view, value)) {
    if (view.constrained) note(context, pointer, 'unchecked', 'the schema does not fix a type here, so the value is not checked');
    return undefined;
  }

  switch (familyOf(value)) {
    case 'null':
      return { kind: 'null' };
    case 'boolean':
      return { kind: 'boolean', example: value as boolean };
    case 'number':
      return view.types && !view.types.has('number') ? { kind: 'integer', example: value as number } : { kind: 'number', example: value as number };
    case 'string':
      return fromString(context, view, value as string, pointer);
    case 'object':
      return fromObject(context, view, value as Record<string, unknown>, pointer);
    case 'array':
      return fromArray(context, view, value as unknown[], pointer);
  }
}

/** Without `type`, object/array/string keywords still say what an example of that type must be. */
function impliesType(view: SchemaView, value: unknown): boolean {
  switch (familyOf(value)) {
    case 'object':
      return view.properties.size > 0 || view.required.size > 0 || view.patternProperties.length > 0 || view.additionalProperties.length > 0;
    case 'array':
      return view.items.length > 0 || view.hasPrefixItems || view.minItems !== undefined || view.maxItems !== undefined;
    case 'string':
      return view.format !== undefined || view.pattern !== undefined;
    default:
      return false;
  }
}

function fromEnum(context: Context, members: unknown[], value: unknown, pointer: string): MatcherNode | undefined {
  if (!members.some((member) => deepEqual(member, value))) {
    return fallback(context, value, pointer, `the example ${short(value)} is not one of the schema's enum values`);
  }
  if (members.length === 1) return { kind: 'equal', example: value };
  if (members.every((member) => typeof member === 'string')) {
    const regex = `(${(members as string[]).map(escapeRegex).join('|')})`;
    return { kind: 'regex', regex, example: value as string, reason: 'enum' };
  }
  const families = new Set(members.map(familyOf));
  if (families.size === 1 && (typeof value === 'number' || typeof value === 'boolean')) {
    note(context, pointer, 'unchecked', `the enum's ${members.length} values are checked by type only (Pact has no "one of" for ${familyOf(value)}s)`);
    return typeof value === 'number' ? { kind: 'number', example: value } : { kind: 'boolean', example: value };
  }
  note(context, pointer, 'unchecked', 'the enum mixes types; Pact cannot express it, so the value is not checked');
  return undefined;
}

function fromString(context: Context, view: SchemaView, value: string, pointer: string): MatcherNode {
  if (view.format === 'date') {
    if (isFullDate(value)) return { kind: 'date', example: value };
    return fallback(context, value, pointer, `the example ${short(value)} is not a format "date" (yyyy-MM-dd)`);
  }
  const format = view.format ? FORMAT_REGEXES[view.format] : undefined;
  if (format) {
    if (fullMatch(format.regex, value)) return { kind: 'regex', regex: format.regex, example: value, reason: format.reason };
    return fallback(context, value, pointer, `the example ${short(value)} is not a format "${view.format}"`);
  }
  if (view.pattern !== undefined) {
    const problem = patternProblem(view.pattern);
    if (problem) {
      note(context, pointer, 'unchecked', `pattern ${short(view.pattern)} cannot be used (${problem}); the value is checked by type`);
      return { kind: 'type', example: value };
    }
    if (!compileLinearRegExp(view.pattern).test(value)) {
      return fallback(context, value, pointer, `the example ${short(value)} does not match pattern ${short(view.pattern)}`);
    }
    // JSON Schema patterns are unanchored; Pact matches the whole string, so allow anything around.
    return { kind: 'regex', regex: `[\\s\\S]*(?:${view.pattern})[\\s\\S]*`, example: value, reason: 'pattern' };
  }
  return { kind: 'type', example: value };
}

function fromObject(context: Context, view: SchemaView, value: Record<string, unknown>, pointer: string): MatcherNode {
  const properties: Record<string, MatcherNode> = {};
  for (const key of Object.keys(value).sort()) {
    const child = appendPointer(pointer, key);
    const schemas = propertySchemas(view, key);
    if (schemas === 'forbidden') {
      note(context, child, 'fallback', 'the example has a property the schema forbids (additionalProperties: false); it is not part of the contract');
      continue;
    }
    if (schemas.length === 0) {
      note(context, child, 'unchecked', 'the schema does not describe this property; it is not part of the contract');
      continue;
    }
    const node = infer(context, schemas, value[key], child);
    if (node) properties[key] = node;
  }
  for (const key of view.required) {
    if (!Object.hasOwn(value, key)) note(context, appendPointer(pointer, key), 'fallback', 'the example lacks this required property; the contract cannot show it');
  }
  return { kind: 'object', properties };
}

function propertySchemas(view: SchemaView, key: string): JsonSchema[] | 'forbidden' {
  const named = view.properties.get(key);
  if (named) return named;
  const patterned = view.patternProperties.filter(([pattern]) => !patternProblem(pattern) && compileLinearRegExp(pattern).test(key)).map(([, s]) => s);
  if (patterned.length > 0) return patterned;
  if (view.additionalProperties.includes(false)) return 'forbidden';
  return view.additionalProperties.filter((s) => s !== true);
}

function fromArray(context: Context, view: SchemaView, value: unknown[], pointer: string): MatcherNode {
  if (view.hasPrefixItems) {
    note(context, pointer, 'unchecked', 'tuple items (prefixItems) cannot be expressed with Pact array matchers; only the array type is checked');
    return { kind: 'any-array' };
  }
  if (value.length === 0) {
    if ((view.minItems ?? 0) > 0) note(context, pointer, 'fallback', `the example array is empty but the schema asks for at least ${view.minItems} items`);
    else note(context, pointer, 'unchecked', 'the example array is empty, so its items are not checked');
    return { kind: 'any-array' };
  }
  const first = appendPointer(pointer, 0);
  let template = view.items.length > 0 ? infer(context, view.items, value[0], first) : undefined;
  if (!template) {
    if (view.items.length === 0) note(context, pointer, 'unchecked', 'the schema does not describe the items, so they are not checked');
    return { kind: 'any-array' };
  }
  template = reconcileItems(context, template, value, pointer);
  if (!template) return { kind: 'any-array' };

  let min = view.minItems ?? 0;
  if (value.length < min) {
    note(context, pointer, 'fallback', `the example has ${value.length} items but the schema asks for at least ${min}; the contract asks for ${value.length}`);
    min = value.length;
  }
  let max = view.maxItems;
  if (max !== undefined && value.length > max) {
    note(context, pointer, 'fallback', `the example has ${value.length} items but the schema allows at most ${max}; the maximum is not part of the contract`);
    max = undefined;
  }
  return max === undefined ? { kind: 'array', template, min } : { kind: 'array', template, min, max };
}

/** Widens the template built from item 0 until every item of the example satisfies it. */
function reconcileItems(context: Context, template: MatcherNode, items: unknown[], pointer: string): MatcherNode | undefined {
  let current: MatcherNode | undefined = template;
  for (let i = 1; i < items.length && current; i++) {
    if (satisfies(current, items[i])) continue;
    current = widen(current, items[i]);
    note(
      context,
      appendPointer(pointer, i),
      'fallback',
      current ? 'this item differs in shape from item 0; the item template is widened so that every example item passes' : 'the items share no common shape; only the array type is checked',
    );
  }
  return current;
}

/** The strongest node that accepts everything `node` accepted from the example and `value` too. */
function widen(node: MatcherNode, value: unknown): MatcherNode | undefined {
  if (satisfies(node, value)) return node;
  switch (node.kind) {
    case 'object': {
      if (!isPlainObject(value)) return undefined;
      const properties: Record<string, MatcherNode> = {};
      for (const [key, child] of Object.entries(node.properties)) {
        if (!Object.hasOwn(value, key)) continue;
        const widened = widen(child, value[key]);
        if (widened) properties[key] = widened;
      }
      return { kind: 'object', properties };
    }
    case 'array': {
      if (!Array.isArray(value)) return undefined;
      let template: MatcherNode | undefined = node.template;
      for (const item of value) template = template && widen(template, item);
      if (!template) return { kind: 'any-array' };
      const min = Math.min(node.min, value.length);
      return node.max !== undefined && value.length <= node.max ? { kind: 'array', template, min, max: node.max } : { kind: 'array', template, min };
    }
    case 'any-array':
      return Array.isArray(value) ? node : undefined;
    case 'integer':
    case 'number':
      return typeof value === 'number' ? { kind: 'number', example: node.example } : undefined;
    case 'regex':
    case 'date':
      return typeof value === 'string' ? { kind: 'type', example: node.example } : undefined;
    case 'equal':
      return familyOf(value) === familyOf(node.example) && familyOf(value) !== 'object' && familyOf(value) !== 'array' && node.example !== null
        ? { kind: 'type', example: node.example as string | number | boolean }
        : undefined;
    default:
      return undefined;
  }
}

/** The example breaks its schema here: match it by its own shape, and say so. */
function fallback(context: Context, value: unknown, pointer: string, why: string): MatcherNode {
  note(context, pointer, 'fallback', `${why}; matched by the example's type instead`);
  return fromValue(context, value, pointer);
}

/** A matcher from the example alone: its types, recursively (no schema). */
function fromValue(context: Context, value: unknown, pointer: string): MatcherNode {
  switch (familyOf(value)) {
    case 'null':
      return { kind: 'null' };
    case 'boolean':
    case 'number':
    case 'string':
      return { kind: 'type', example: value as string | number | boolean };
    case 'object': {
      const object = value as Record<string, unknown>;
      const properties: Record<string, MatcherNode> = {};
      for (const key of Object.keys(object).sort()) properties[key] = fromValue(context, object[key], appendPointer(pointer, key));
      return { kind: 'object', properties };
    }
    case 'array': {
      const items = value as unknown[];
      if (items.length === 0) return { kind: 'any-array' };
      const template = reconcileItems(context, fromValue(context, items[0], appendPointer(pointer, 0)), items, pointer);
      return template ? { kind: 'array', template, min: 0 } : { kind: 'any-array' };
    }
  }
}

/** Which JSON type families a branch admits (`*` when it does not say). */
function familiesAllowed(context: Context, branch: JsonSchema): Set<string> {
  const view = viewOf([branch], context.root);
  if (view.never) return new Set();
  if (view.const) return new Set([familyOf(view.const.value)]);
  if (view.enum) return new Set(view.enum.map(familyOf));
  if (view.types) return familiesOf(view.types);
  if (view.alternatives.length > 0) return new Set(view.alternatives.flat().flatMap((b) => [...familiesAllowed(context, b)]));
  return new Set(['*']);
}

/** A cheap structural "could this example be an instance of the branch?" */
function fits(context: Context, branch: JsonSchema, value: unknown): boolean {
  const view = viewOf([branch], context.root);
  if (view.never) return false;
  if (view.const) return deepEqual(view.const.value, value);
  if (view.enum) return view.enum.some((member) => deepEqual(member, value));
  if (view.types && !typeAdmits(view.types, value)) return false;
  if (isPlainObject(value)) return [...view.required].every((key) => Object.hasOwn(value, key));
  return true;
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function describe(value: unknown): string {
  const family = familyOf(value);
  return family === 'number' && Number.isInteger(value) ? 'an integer' : `a${/^[aeiou]/.test(family) ? 'n' : ''} ${family}`;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
