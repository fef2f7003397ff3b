export { readOpenApi, uuidOf, GENERATED_EXAMPLE_SEED, HTTP_METHODS } from './read.ts';
export { exportOpenApi, PLACEHOLDER_EXTENSION, MOCK_SERVER, type ExportedDocument, type ExportOptions } from './export.ts';
export { writeOpenApi, type WriteOpenApiOptions, type WriteOpenApiResult } from './write.ts';
