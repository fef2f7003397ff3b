export { diffCatalogues } from './diff.ts';
export { diffSchemas, type SchemaChange, type SchemaChangeKind } from './schema-diff.ts';
export { DIFF_RULES } from './rules/index.ts';
