import type { ErrorObject } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv } from '../validators/ajv.ts';
import type { JsonSchema } from './types.ts';

let ajv: Ajv2020 | undefined;

/** Errors of `schema` against the JSON Schema 2020-12 meta-schema (cheap: no compilation of `schema`). */
export function metaSchemaErrors(schema: JsonSchema): ErrorObject[] {
  ajv ??= createAjv();
  return ajv.validateSchema(schema) ? [] : [...(ajv.errors ?? [])];
}
