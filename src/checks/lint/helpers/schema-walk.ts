import { appendPointer } from '../../../schemas/pointer.ts';
import type { JsonSchema, JsonSchemaObject } from '../../../schemas/types.ts';
import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from '../../../schemas/vocabulary.ts';

/** Every subschema object of a (normalised, 2020-12) schema with its JSON pointer, root first. */
export function* subschemas(schema: JsonSchema, pointer = ''): Generator<[JsonSchemaObject, string]> {
  if (typeof schema === 'boolean') return;
  yield [schema, pointer];
  for (const [key, value] of Object.entries(schema)) {
    if (SINGLE_SUBSCHEMA.has(key)) {
      yield* subschemas(value as JsonSchema, appendPointer(pointer, key));
    } else if (ARRAY_OF_SUBSCHEMAS.has(key) && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) yield* subschemas(value[i] as JsonSchema, appendPointer(pointer, key, i));
    } else if (MAP_OF_SUBSCHEMAS.has(key) && value !== null && typeof value === 'object') {
      for (const [name, sub] of Object.entries(value)) yield* subschemas(sub as JsonSchema, appendPointer(pointer, key, name));
    }
  }
}
