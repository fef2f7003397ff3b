/**
 * apiconform's public library surface, in pipeline order: catalogue → model → schemas → types →
 * build; validators and arbitraries; checks → findings → reports; contracts, mock, verification;
 * the diff of two catalogue versions; live drift checks.
 * The CLI (src/cli/) is a thin shell over these.
 */
export { readCatalogue, readRecords, checkRecord, catalogueFormat, CATALOGUE_COLUMNS } from './catalogue/index.ts';
export type { CatalogueRow, RawRecord, RowProblem, SourceLocation, CatalogueFormat } from './catalogue/index.ts';

export { buildModel } from './model/index.ts';
export type { Api, CatalogueModel, Endpoint, Example, Response } from './model/index.ts';

export { normaliseSchema, endpointSchemas, relocateRefs, SCHEMA_DIALECT } from './schemas/index.ts';
export type { JsonSchema, NormalisedSchema, SchemaProblem, StatusSchema, EndpointSchemas } from './schemas/index.ts';

export { compileBodyDeclarations, endpointTypesFile, typesIndex } from './typegen/index.ts';

export { build, readManifest } from './build/index.ts';
export type { BuildOptions, BuildResult, Manifest } from './build/index.ts';

export { createAjv, linearRegExpEngine } from './validators/index.ts';

export { arbitraryFromSchema, negativeArbitraryFromSchema, SchemaGenerationError, MUTATION_KINDS } from './arbitraries/index.ts';
export type { ArbitraryOptions, Mutation, MutationKind, MutatedValue } from './arbitraries/index.ts';

export { lint } from './checks/lint/index.ts';
export { checkExamples } from './checks/conformance/index.ts';

export { compareFindings, isAtLeast, isCounted, SEVERITIES } from './findings/index.ts';
export type { Finding, FindingAcceptance, FindingSource, Severity } from './findings/index.ts';
export { RULES, ruleById } from './rules/index.ts';
export type { RuleDefinition } from './rules/index.ts';

export { writeReports, renderMarkdown, renderJson, renderJunit, renderHtml } from './reports/index.ts';
export type { ReportInput } from './reports/index.ts';

export { writeContracts } from './contracts/index.ts';
export { serve } from './serve/index.ts';
export { verifyContracts } from './verify/index.ts';
export { diffCatalogues, diffSchemas, SCHEMA_CHANGE_KINDS } from './diff/index.ts';
export { acceptFindings, findingKey, loadIgnoreFile, loadBaseline, type Acceptance, type IgnoreEntry } from './accept/index.ts';
export { runDriftChecks, planDrift, callWithRetries } from './drift/index.ts';
export type { DriftOptions, DriftRun, DriftResult, DriftCall } from './drift/index.ts';
export type { SchemaChange, SchemaChangeKind } from './diff/index.ts';

export { loadConfigFile, resolveConfig, CONFIG_SCHEMA } from './config/index.ts';
export { ApiconformError } from './util/errors.ts';
export { exportOpenApi, writeOpenApi, readOpenApi, PLACEHOLDER_EXTENSION, type ExportedDocument, type ExportOptions, type WriteOpenApiOptions, type WriteOpenApiResult } from './openapi/index.ts';
