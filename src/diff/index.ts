export { diffCatalogues } from './diff.ts';
export { diffSchemas, SCHEMA_CHANGE_KINDS, type SchemaChange, type SchemaChangeKind } from './schema-diff.ts';
export { DIFF_RULES } from './rules/index.ts';
