import type { JsonSchema, JsonSchemaObject } from './types.ts';
import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from './vocabulary.ts';
import { pointerToFragment } from './pointer.ts';

/**
 * A normalised body schema's `$ref`s point from its own root (`#/$defs/x`). Placed at `base`
 * inside a larger document (`/$defs/status200`), they must point from there instead
 * (`#/$defs/status200/$defs/x`). Returns a copy; anchors (`#name`) are document-wide and kept.
 */
export function relocateRefs(schema: JsonSchema, base: string): JsonSchema {
  if (base === '') return schema;
  const prefix = pointerToFragment(base);
  return walk(schema, prefix);
}

function walk(schema: JsonSchema, prefix: string): JsonSchema {
  if (typeof schema === 'boolean') return schema;
  const out: JsonSchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && (value === '#' || value.startsWith('#/'))) {
      out.$ref = prefix + value.slice(1);
    } else if (SINGLE_SUBSCHEMA.has(key)) {
      out[key] = walk(value as JsonSchema, prefix);
    } else if (ARRAY_OF_SUBSCHEMAS.has(key)) {
      out[key] = (value as JsonSchema[]).map((item) => walk(item, prefix));
    } else if (MAP_OF_SUBSCHEMAS.has(key)) {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, item]) => [name, walk(item, prefix)]));
    } else {
      out[key] = value;
    }
  }
  return out;
}
