/** A JSON Schema: an object of keywords, or `true`/`false`. */
export type JsonSchema = boolean | JsonSchemaObject;
export interface JsonSchemaObject {
  [keyword: string]: unknown;
}

/** Something the normaliser changed or refused, with the pointer into the schema as written. */
export interface SchemaProblem {
  ruleId: 'schema/invalid' | 'schema/normalised';
  /** JSON pointer into the catalogue's schema (before normalisation). */
  pointer: string;
  message: string;
}

/** A body schema in the one dialect apiconform writes (2020-12), with its content hash. */
export interface NormalisedSchema {
  schema: JsonSchema;
  /** Hash of the canonical JSON of `schema`: equal schemas (up to key order) share it. */
  hash: string;
  problems: SchemaProblem[];
  /** Whether the schema keeps any `$ref` (if not, moving it inside another document is free). */
  hasRefs: boolean;
}
