export { generateSyntheticCatalogue, emptyReport, FULL_SIZE_ROWS, type SyntheticOptions, type GenerationReport } from './generate.ts';
export { readSeed, type CatalogueRecord, type SeedMaterial } from './seed.ts';
export { inferSchema, GENSON_SCHEMA_URI, type JsonSchema } from './infer-schema.ts';
export { pythonJson } from './python-json.ts';
export { StatsCollector, type CatalogueStats } from './stats.ts';
export { writeCatalogue, csvText, parquetBuffer, type OutputFormat } from './write-catalogue.ts';
export { changeOneRow, type ChangedRow } from './change-one-row.ts';
export { Random } from './random.ts';
