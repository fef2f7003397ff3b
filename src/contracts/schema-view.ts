import { fragmentTokens, resolveTokens } from '../schemas/pointer.ts';
import type { JsonSchema, JsonSchemaObject } from '../schemas/types.ts';

/**
 * A flattened reading of "all of these schemas at once", enough for matcher inference: local
 * `$ref`s followed, `allOf` merged, `anyOf`/`oneOf` kept as groups of alternatives for the caller
 * to choose from with the example in hand. Keywords the inference does not use are ignored.
 */
export interface SchemaView {
  /** The JSON types allowed, or undefined when `type` says nothing. */
  types?: Set<JsonType>;
  enum?: unknown[];
  const?: { value: unknown };
  format?: string;
  pattern?: string;
  properties: Map<string, JsonSchema[]>;
  required: Set<string>;
  patternProperties: Array<[string, JsonSchema]>;
  /** Constraints on properties not named in `properties`; `false` when none are allowed. */
  additionalProperties: JsonSchema[];
  items: JsonSchema[];
  hasPrefixItems: boolean;
  minItems?: number;
  maxItems?: number;
  alternatives: JsonSchema[][];
  /** Some part is the `false` schema (or an unresolvable `$ref`): nothing is valid. */
  never: boolean;
  /** Whether anything constrains the value at all (a `{}` or `true` schema does not). */
  constrained: boolean;
}

export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

const MAX_REF_DEPTH = 32;

/** `resolved`: anyOf/oneOf groups (by identity) the caller has already chosen a branch of. */
export function viewOf(schemas: readonly JsonSchema[], root: JsonSchema, resolved: ReadonlySet<unknown> = new Set()): SchemaView {
  const view: SchemaView = {
    properties: new Map(),
    required: new Set(),
    patternProperties: [],
    additionalProperties: [],
    items: [],
    hasPrefixItems: false,
    alternatives: [],
    never: false,
    constrained: false,
  };
  const pending: Array<{ schema: JsonSchema; depth: number }> = schemas.map((schema) => ({ schema, depth: 0 }));
  while (pending.length > 0) {
    const { schema, depth } = pending.shift()!;
    if (schema === true) continue;
    if (schema === false || depth > MAX_REF_DEPTH) {
      view.never = true;
      continue;
    }
    if (typeof schema.$ref === 'string') {
      const target = resolveLocalRef(root, schema.$ref);
      if (target === undefined) view.never = true;
      else pending.push({ schema: target, depth: depth + 1 });
    }
    if (Array.isArray(schema.allOf)) for (const branch of schema.allOf as JsonSchema[]) pending.push({ schema: branch, depth: depth + 1 });
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const group = schema[keyword];
      if (Array.isArray(group) && !resolved.has(group)) view.alternatives.push(group as JsonSchema[]);
    }
    mergeKeywords(view, schema);
  }
  return view;
}

function mergeKeywords(view: SchemaView, schema: JsonSchemaObject): void {
  const types = typesOf(schema.type);
  if (types) {
    view.types = view.types ? intersectTypes(view.types, types) : types;
    view.constrained = true;
  }
  if (Array.isArray(schema.enum)) {
    view.enum = view.enum ? view.enum.filter((a) => (schema.enum as unknown[]).some((b) => JSON.stringify(a) === JSON.stringify(b))) : [...schema.enum];
    view.constrained = true;
  }
  if ('const' in schema) {
    view.const ??= { value: schema.const };
    view.constrained = true;
  }
  if (typeof schema.format === 'string') {
    view.format ??= schema.format;
    view.constrained = true;
  }
  if (typeof schema.pattern === 'string') {
    view.pattern ??= schema.pattern;
    view.constrained = true;
  }
  if (schema.properties && typeof schema.properties === 'object') {
    for (const [key, sub] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      view.properties.set(key, [...(view.properties.get(key) ?? []), sub]);
    }
    view.constrained = true;
  }
  if (Array.isArray(schema.required)) {
    for (const key of schema.required) if (typeof key === 'string') view.required.add(key);
    view.constrained = true;
  }
  if (schema.patternProperties && typeof schema.patternProperties === 'object') {
    view.patternProperties.push(...(Object.entries(schema.patternProperties) as Array<[string, JsonSchema]>));
    view.constrained = true;
  }
  if (schema.additionalProperties !== undefined) {
    view.additionalProperties.push(schema.additionalProperties as JsonSchema);
    view.constrained = true;
  }
  if (schema.items !== undefined) {
    view.items.push(schema.items as JsonSchema);
    view.constrained = true;
  }
  if (Array.isArray(schema.prefixItems)) {
    view.hasPrefixItems = true;
    view.constrained = true;
  }
  if (typeof schema.minItems === 'number') {
    view.minItems = Math.max(view.minItems ?? 0, schema.minItems);
    view.constrained = true;
  }
  if (typeof schema.maxItems === 'number') {
    view.maxItems = Math.min(view.maxItems ?? Infinity, schema.maxItems);
    view.constrained = true;
  }
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf) || schema.$ref !== undefined || Array.isArray(schema.allOf)) view.constrained = true;
}

function resolveLocalRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  const tokens = fragmentTokens(ref);
  if (!tokens) return undefined; // the normaliser has already replaced remote refs
  const target = resolveTokens(root, tokens);
  return target === true || target === false || (target !== null && typeof target === 'object' && !Array.isArray(target))
    ? (target as JsonSchema)
    : undefined;
}

function typesOf(type: unknown): Set<JsonType> | undefined {
  if (typeof type === 'string') return new Set([type as JsonType]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is JsonType => typeof t === 'string'));
  return undefined;
}

function intersectTypes(a: Set<JsonType>, b: Set<JsonType>): Set<JsonType> {
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if (t === 'integer' && b.has('number')) out.add('integer');
    else if (t === 'number' && b.has('integer')) out.add('integer');
  }
  return out;
}

/** The JSON type family of a value: integers are numbers (`integer` is a constraint on them). */
export type JsonFamily = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function familyOf(value: unknown): JsonFamily {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}

export function familiesOf(types: ReadonlySet<JsonType>): Set<JsonFamily> {
  return new Set([...types].map((t) => (t === 'integer' ? 'number' : t)));
}

/** Whether `types` admits `value` (an `integer` type admits only integral numbers). */
export function typeAdmits(types: ReadonlySet<JsonType>, value: unknown): boolean {
  const family = familyOf(value);
  if (family === 'number') return types.has('number') || (types.has('integer') && Number.isInteger(value));
  return types.has(family);
}
