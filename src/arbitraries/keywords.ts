/**
 * Where subschemas sit in a 2020-12 (or draft-07) schema. Walks must only descend through these:
 * `enum`, `const`, `default` and `examples` hold data that merely looks like schemas.
 */
export const SINGLE_SUBSCHEMA = [
  'additionalProperties',
  'additionalItems',
  'items',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
] as const;

export const ARRAY_OF_SUBSCHEMAS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'] as const;

export const MAP_OF_SUBSCHEMAS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'] as const;

export type RawSchema = boolean | Record<string, unknown>;

export function isSchemaLike(value: unknown): value is RawSchema {
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}

/** Calls `visit` for every direct subschema with the pointer tokens leading to it. */
export function forEachSubschema(schema: RawSchema, visit: (child: RawSchema, tokens: string[]) => void): void {
  if (typeof schema === 'boolean') return;
  for (const key of SINGLE_SUBSCHEMA) {
    const child = schema[key];
    if (isSchemaLike(child)) visit(child, [key]);
  }
  for (const key of ARRAY_OF_SUBSCHEMAS) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((child, i) => isSchemaLike(child) && visit(child, [key, String(i)]));
  }
  for (const key of MAP_OF_SUBSCHEMAS) {
    const map = schema[key];
    if (typeof map !== 'object' || map === null || Array.isArray(map)) continue;
    for (const [name, child] of Object.entries(map)) if (isSchemaLike(child)) visit(child, [key, name]);
  }
}

/**
 * Keywords that never constrain a value (annotations, and OpenAPI's documentation keywords).
 * A schema made only of these (and `$defs`) accepts everything.
 */
export const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$anchor',
  '$comment',
  '$defs',
  'definitions',
  '$vocabulary',
  'title',
  'description',
  'default',
  'examples',
  'example',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  'discriminator',
  'xml',
  'externalDocs',
]);
