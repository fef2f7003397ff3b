export type { JsonSchema, JsonSchemaObject, NormalisedSchema, SchemaProblem } from './types.ts';
export { normaliseSchema, cachedNormaliser } from './normalise.ts';
export { SCHEMA_DIALECT } from './vocabulary.ts';
export { relocateRefs } from './relocate.ts';
export { endpointSchemas, statusSchema, statusDefName, type EndpointSchemas, type StatusSchema, type ExampleSchemaProblem } from './endpoint-document.ts';
export { appendPointer, escapePointerToken } from './pointer.ts';
