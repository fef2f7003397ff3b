/**
 * The JSON Schema 2020-12 vocabulary, as the normaliser needs it: which keywords exist, and which
 * of them hold subschemas (so the walk knows where to recurse and which values are data).
 */
export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Keywords whose value is one subschema. */
export const SINGLE_SUBSCHEMA = new Set([
  'not',
  'if',
  'then',
  'else',
  'items',
  'additionalProperties',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);

/** Keywords whose value is an array of subschemas. */
export const ARRAY_OF_SUBSCHEMAS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/** Keywords whose value maps names to subschemas. */
export const MAP_OF_SUBSCHEMAS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

/** Every 2020-12 keyword apiconform keeps (core, applicator, validation, meta-data, format, content). */
export const KEYWORDS_2020_12 = new Set([
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$ref',
  '$dynamicRef',
  '$defs',
  '$comment',
  ...SINGLE_SUBSCHEMA,
  ...ARRAY_OF_SUBSCHEMAS,
  ...MAP_OF_SUBSCHEMAS,
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'format',
  'contentEncoding',
  'contentMediaType',
]);

export const JSON_TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']);

/**
 * Formats ajv-formats asserts. Any other `format` (OpenAPI's `int32`/`binary` are known to
 * ajv-formats; `phone`, `currency`… are not) is dropped: ajv's strict mode rejects unknown
 * formats, and an annotation no validator checks would only pretend to constrain the body.
 */
export const KNOWN_FORMATS = new Set([
  'date',
  'time',
  'date-time',
  'iso-time',
  'iso-date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'json-pointer-uri-fragment',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary',
]);
