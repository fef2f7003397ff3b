import { canonicalJson } from '../util/canonical-json.ts';
import { appendPointer, fragmentTokens, resolveTokens } from '../schemas/pointer.ts';
import type { JsonSchema, JsonSchemaObject } from '../schemas/types.ts';

/**
 * What changed between two versions of a response body schema, from the consumer's side: a
 * response may only promise more (new optional fields, fewer types, tighter bounds) without
 * breaking the code that reads it. Anything it stops promising (a field, a required field, a
 * type, an enum's closed set, a bound) can break a client that relied on it.
 */
export type SchemaChangeKind =
  | 'property-removed'
  | 'property-became-optional'
  | 'type-widened'
  | 'enum-widened'
  | 'constraint-relaxed'
  | 'property-added'
  | 'type-narrowed';

export interface SchemaChange {
  kind: SchemaChangeKind;
  /** JSON pointer into the new schema (into the old one for what was removed). */
  pointer: string;
  /** Where in a body the change applies, for people: `data[].id`, `(root)`. */
  path: string;
  message: string;
  evidence?: { old?: unknown; new?: unknown };
}

type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';
const ALL_TYPES: readonly JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

/** A schema node with its combinators folded in: what a body at this place may be. */
interface View {
  /** Types a value here may have (`integer` is implied by `number`). */
  types: Set<JsonType>;
  properties: Map<string, Located>;
  /** Properties every object here has. */
  required: Set<string>;
  items?: Located;
  prefixItems: Located[];
  /** Canonical JSON of the allowed values, when they are a closed set (`enum`/`const`). */
  values?: Set<string>;
  keywords: JsonSchemaObject;
}

interface Located {
  schema: JsonSchema;
  pointer: string;
}

/** Numeric and string bounds: which direction loosens each. */
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
/** Any change (or removal) loosens or changes what is promised. */
const EXACT_KEYWORDS = ['pattern', 'format', 'multipleOf'] as const;

/** Both schemas are body schemas in 2020-12 (normalised), refs relative to their own roots. */
export function diffSchemas(oldSchema: JsonSchema, newSchema: JsonSchema, pointers: { old: string; new: string } = { old: '', new: '' }): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const seen = new Set<string>();
  compare({ schema: oldSchema, pointer: pointers.old }, { schema: newSchema, pointer: pointers.new }, '', { oldRoot: oldSchema, newRoot: newSchema, changes, seen, oldBase: pointers.old, newBase: pointers.new });
  return changes;
}

interface Context {
  oldRoot: JsonSchema;
  newRoot: JsonSchema;
  oldBase: string;
  newBase: string;
  changes: SchemaChange[];
  /** Pairs of (old, new) pointers already compared: recursive `$ref`s end here. */
  seen: Set<string>;
}

function compare(before: Located, after: Located, path: string, context: Context): void {
  const key = `${before.pointer}\u0000${after.pointer}`;
  if (context.seen.has(key)) return;
  context.seen.add(key);
  const old = view(before, context.oldRoot, context.oldBase);
  const now = view(after, context.newRoot, context.newBase);
  const where = path || '(root)';
  const push = (change: Omit<SchemaChange, 'path'>, at = where) => context.changes.push({ ...change, path: at });

  const widened = [...now.types].filter((t) => !admits(old.types, t));
  if (widened.length > 0) {
    push({
      kind: 'type-widened',
      pointer: after.pointer,
      message: `${where} may now be ${list(widened)} (was ${list([...old.types])}): a client that handles only the old types breaks`,
      evidence: { old: [...old.types], new: [...now.types] },
    });
  }
  const narrowed = [...old.types].filter((t) => !admits(now.types, t));
  if (narrowed.length > 0 && now.types.size > 0) {
    push({
      kind: 'type-narrowed',
      pointer: after.pointer,
      message: `${where} is no longer ${list(narrowed)} (now ${list([...now.types])})`,
      evidence: { old: [...old.types], new: [...now.types] },
    });
  }

  if (old.values) {
    const added = now.values ? [...now.values].filter((v) => !old.values!.has(v)) : undefined;
    if (!now.values) {
      push({ kind: 'enum-widened', pointer: after.pointer, message: `${where} is no longer limited to ${old.values.size} value(s): a client that switches over them meets others`, evidence: { old: parsedValues(old.values) } });
    } else if (added && added.length > 0) {
      push({ kind: 'enum-widened', pointer: after.pointer, message: `${where} may now be ${added.slice(0, 5).join(', ')}${added.length > 5 ? ` and ${added.length - 5} more` : ''}: a client that switches over the old values meets new ones`, evidence: { old: parsedValues(old.values), new: parsedValues(now.values) } });
    }
  }

  relaxedBounds(old.keywords, now.keywords, after.pointer, where, push);

  if (admits(old.types, 'object') && admits(now.types, 'object')) {
    for (const [name, oldProperty] of old.properties) {
      const newProperty = now.properties.get(name);
      const propertyPath = path ? `${path}.${name}` : name;
      if (!newProperty) {
        push({
          kind: 'property-removed',
          pointer: oldProperty.pointer,
          message: `${propertyPath} is gone from the response${old.required.has(name) ? ' (it was required)' : ''}: a client that reads it gets undefined`,
        }, propertyPath);
        continue;
      }
      if (old.required.has(name) && !now.required.has(name)) {
        push({ kind: 'property-became-optional', pointer: newProperty.pointer, message: `${propertyPath} is no longer required: a client that assumes it is there breaks when it is missing` }, propertyPath);
      }
      compare(oldProperty, newProperty, propertyPath, context);
    }
    for (const [name, newProperty] of now.properties) {
      if (old.properties.has(name)) continue;
      const propertyPath = path ? `${path}.${name}` : name;
      push({ kind: 'property-added', pointer: newProperty.pointer, message: `${propertyPath} is new${now.required.has(name) ? ' (required)' : ''}` }, propertyPath);
    }
  }

  if (admits(old.types, 'array') && admits(now.types, 'array')) {
    const count = Math.min(old.prefixItems.length, now.prefixItems.length);
    for (let i = 0; i < count; i++) compare(old.prefixItems[i]!, now.prefixItems[i]!, `${path}[${i}]`, context);
    if (old.items && now.items) compare(old.items, now.items, `${path}[]`, context);
  }
}

/** The folded view of a node: its own keywords plus what its `anyOf`/`oneOf`/`allOf`/`$ref` add. */
function view(at: Located, root: JsonSchema, base: string): View {
  const resolved = resolveRef(at, root, base);
  const schema = resolved.schema;
  const result: View = { types: new Set(), properties: new Map(), required: new Set(), prefixItems: [], keywords: {} };
  if (schema === false) return result;
  if (schema === true) {
    for (const t of ALL_TYPES) result.types.add(t);
    return result;
  }
  result.keywords = schema;
  const branches = (['anyOf', 'oneOf'] as const).flatMap((keyword) =>
    Array.isArray(schema[keyword]) ? (schema[keyword] as JsonSchema[]).map((branch, i) => view({ schema: branch, pointer: appendPointer(resolved.pointer, keyword, i) }, root, base)) : [],
  );
  const all = Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]).map((part, i) => view({ schema: part, pointer: appendPointer(resolved.pointer, 'allOf', i) }, root, base)) : [];

  // types: the node's own, else what its values or branches allow; allOf parts narrow them
  let types: Set<JsonType> | undefined = ownTypes(schema);
  const values = closedValues(schema);
  if (values) {
    result.values = values;
    const valueTypes = new Set<JsonType>([...values].map((v) => jsonTypeOf(JSON.parse(v) as unknown)));
    types = types ? intersect(types, valueTypes) : valueTypes;
  }
  if (branches.length > 0) {
    const union = new Set<JsonType>(branches.flatMap((b) => [...b.types]));
    types = types ? intersect(types, union) : union;
  }
  for (const part of all) if (!isUnconstrained(part)) types = types ? intersect(types, part.types) : new Set(part.types);
  result.types = types ?? new Set(ALL_TYPES);

  // object members: own properties, then those of allOf parts and of branches (first wins)
  if (schema.properties && typeof schema.properties === 'object') {
    for (const [name, sub] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      result.properties.set(name, { schema: sub, pointer: appendPointer(resolved.pointer, 'properties', name) });
    }
  }
  for (const source of [...all, ...branches]) for (const [name, sub] of source.properties) if (!result.properties.has(name)) result.properties.set(name, sub);
  if (Array.isArray(schema.required)) for (const name of schema.required) if (typeof name === 'string') result.required.add(name);
  for (const part of all) for (const name of part.required) result.required.add(name);
  const objectBranches = branches.filter((b) => admits(b.types, 'object'));
  if (objectBranches.length > 0 && !Array.isArray(schema.required)) {
    // a member is guaranteed only if every branch that can be an object requires it
    const [first, ...rest] = objectBranches;
    for (const name of first!.required) if (rest.every((b) => b.required.has(name))) result.required.add(name);
  }

  // array members
  if (schema.items !== undefined && typeof schema.items !== 'undefined') result.items = { schema: schema.items as JsonSchema, pointer: appendPointer(resolved.pointer, 'items') };
  if (Array.isArray(schema.prefixItems)) {
    result.prefixItems = (schema.prefixItems as JsonSchema[]).map((sub, i) => ({ schema: sub, pointer: appendPointer(resolved.pointer, 'prefixItems', i) }));
  }
  const arrayBranch = [...all, ...branches].find((b) => b.items);
  if (!result.items && arrayBranch) result.items = arrayBranch.items;
  return result;
}

/** Follows local `$ref`s (relative to the body schema's root), at most a few steps. */
function resolveRef(at: Located, root: JsonSchema, base: string): Located {
  let current = at;
  for (let hops = 0; hops < 16; hops++) {
    const schema = current.schema;
    if (typeof schema !== 'object' || typeof schema.$ref !== 'string') return current;
    const tokens = fragmentTokens(schema.$ref);
    const target = tokens ? (resolveTokens(root, tokens) as JsonSchema | undefined) : undefined;
    if (target === undefined || (typeof target !== 'object' && typeof target !== 'boolean')) return current;
    current = { schema: target, pointer: appendPointer(base, ...tokens!) };
  }
  return current;
}

function ownTypes(schema: JsonSchemaObject): Set<JsonType> | undefined {
  const type = schema.type;
  if (typeof type === 'string') return new Set([type as JsonType]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is JsonType => typeof t === 'string'));
  return undefined;
}

function closedValues(schema: JsonSchemaObject): Set<string> | undefined {
  if ('const' in schema) return new Set([canonicalJson(schema.const)]);
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map((v) => canonicalJson(v)));
  return undefined;
}

function parsedValues(values: Set<string>): unknown[] {
  return [...values].slice(0, 20).map((v) => JSON.parse(v) as unknown);
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** Whether a value of type `t` is allowed by `types` (`number` includes `integer`). */
function admits(types: Set<JsonType>, t: JsonType): boolean {
  return types.has(t) || (t === 'integer' && types.has('number'));
}

function intersect(a: Set<JsonType>, b: Set<JsonType>): Set<JsonType> {
  const out = new Set<JsonType>();
  for (const t of a) if (admits(b, t)) out.add(t);
  for (const t of b) if (t === 'integer' && a.has('number')) out.add('integer');
  return out;
}

function isUnconstrained(part: View): boolean {
  return part.types.size === ALL_TYPES.length;
}

function relaxedBounds(old: JsonSchemaObject, now: JsonSchemaObject, pointer: string, where: string, push: (change: Omit<SchemaChange, 'path'>) => void): void {
  for (const keyword of UPPER_BOUNDS) {
    const [a, b] = [old[keyword], now[keyword]];
    if (typeof a === 'number' && (typeof b !== 'number' || b > a)) {
      push({ kind: 'constraint-relaxed', pointer, message: `${where}: ${keyword} ${typeof b === 'number' ? `raised from ${a} to ${b}` : `${a} dropped`}`, evidence: { old: a, new: b } });
    }
  }
  for (const keyword of LOWER_BOUNDS) {
    const [a, b] = [old[keyword], now[keyword]];
    if (typeof a === 'number' && (typeof b !== 'number' || b < a)) {
      push({ kind: 'constraint-relaxed', pointer, message: `${where}: ${keyword} ${typeof b === 'number' ? `lowered from ${a} to ${b}` : `${a} dropped`}`, evidence: { old: a, new: b } });
    }
  }
  for (const keyword of EXACT_KEYWORDS) {
    const [a, b] = [old[keyword], now[keyword]];
    if (a !== undefined && a !== b) {
      push({ kind: 'constraint-relaxed', pointer, message: `${where}: ${keyword} ${b === undefined ? `${JSON.stringify(a)} dropped` : `changed from ${JSON.stringify(a)} to ${JSON.stringify(b)}`}`, evidence: { old: a, new: b } });
    }
  }
}

function list(types: readonly string[]): string {
  return types.length === 0 ? 'nothing' : types.join(' or ');
}
