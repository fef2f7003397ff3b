import { join, resolve } from 'node:path';
import { assertReadable, catalogueFormat } from '../catalogue/index.ts';
import type { ResolvedConfig } from '../config/index.ts';
import { gradeFindings } from '../config/index.ts';
import type { Finding } from '../findings/types.ts';
import { loadCatalogueModel, type CatalogueModel } from '../model/index.ts';
import { rowProblemFinding } from '../build/findings.ts';
import { relocateRefs } from '../schemas/index.ts';
import { displayPath } from '../build/paths.ts';
import { build } from '../build/index.ts';
import { lint } from '../checks/lint/index.ts';
import { checkExamples, CheckCache, SchemaCompiler, SchemaIndex } from '../checks/conformance/index.ts';
import { RULES } from '../rules/index.ts';
import type { ReportCase, ReportInput } from '../reports/index.ts';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { contentHash, fileHash } from '../util/hash.ts';
import { codeFingerprint } from '../util/code-fingerprint.ts';
import { VERSION } from '../version.ts';

/** Where apiconform keeps caches that only make later runs faster (never needed for correctness). */
export const CACHE_DIR = 'node_modules/.cache/apiconform';

export type RunCommand = 'lint' | 'validate' | 'all' | 'verify' | 'diff' | 'drift';

export interface RunPhase {
  phase: 'read' | 'build' | 'lint' | 'validate' | 'properties' | 'contracts' | 'verify' | 'diff' | 'drift';
  detail?: string;
}

export interface RunOptions {
  config: ResolvedConfig;
  /** Project root: the catalogue path in findings and reports is relative to it. */
  root?: string;
  /** Called as each phase starts (the CLI shows progress with it). */
  onPhase?: (phase: RunPhase) => void;
}

/** One run's outcome: graded findings and what is needed to report them (plain data, cacheable). */
export interface RunResult {
  command: RunCommand;
  catalogue: { file: string; rows: number; apis: number; endpoints: number };
  /** Every endpoint × status checked. */
  cases: ReportCase[];
  findings: Finding[];
  /** With a baseline: its findings that no longer occur. */
  fixed?: Finding[];
  durationMs: number;
}

/** The endpoint × status pairs of a model, as reports list them. */
export function casesOf(model: CatalogueModel): ReportCase[] {
  return model.apis.flatMap((api) =>
    api.endpoints.flatMap((endpoint) =>
      endpoint.responses.map((response) => ({ api: api.slug, apiName: api.name, endpoint: endpoint.slug, endpointName: endpoint.name, status: response.status })),
    ),
  );
}

interface Loaded {
  model: CatalogueModel;
  rows: number;
  label: string;
  findings: Finding[];
}

async function loadModel(options: RunOptions): Promise<Loaded> {
  const { config } = options;
  const label = displayPath(config.catalogue, resolve(options.root ?? process.cwd()));
  options.onPhase?.({ phase: 'read', detail: label });
  const { model, rows, problems } = await loadCatalogueModel(config.catalogue, { strict: config.strict, label });
  return { model, rows, label, findings: problems.map(rowProblemFinding) };
}

/**
 * The checks shared by lint, validate and all: one schema index and one compiler for both, one
 * content-keyed cache (normalised schemas, ajv verdicts, per-API results) so a warm run over an
 * unchanged catalogue recomputes nothing. Example conformance runs ajv in worker threads while lint
 * runs here.
 */
async function runChecks(model: CatalogueModel, command: RunCommand, options: RunOptions, fromBuild: boolean): Promise<Finding[]> {
  const cache = CheckCache.open(resolve(options.root ?? process.cwd(), CACHE_DIR));
  const schemas = new SchemaIndex(model, { cache: cache.normalised });
  const compiler = new SchemaCompiler({ cache: cache.verdicts });
  const severities = options.config.rules;
  const findings: Finding[] = [];
  let conformance: Promise<Finding[]> | undefined;
  if (command !== 'lint') {
    options.onPhase?.({ phase: 'validate' });
    // with lint in the same run, lint reports schemas ajv cannot compile (schema/invalid)
    conformance = checkExamples(model, { cache, schemas, compiler, severities, reportCompileFailures: command === 'validate' });
  }
  if (command !== 'validate') {
    options.onPhase?.({ phase: 'lint' });
    // after a build, the normaliser's problems are already among the build's findings
    findings.push(...lint(model, { cache, schemas, compiler, severities, normaliserProblems: !fromBuild }));
  }
  if (conformance) findings.push(...(await conformance));
  await cache.save();
  const { runs, seed } = options.config.validate;
  if (command !== 'lint' && runs > 0) {
    options.onPhase?.({ phase: 'properties', detail: `${runs} runs per schema, seed ${seed}` });
    findings.push(...(await propertyFindings(model, schemas, runs, seed)));
  }
  return findings;
}

/** Property-based checks (issue 4) over every endpoint × status: generated bodies pass, mutated ones fail. */
async function propertyFindings(model: CatalogueModel, schemas: SchemaIndex, runs: number, seed: number): Promise<Finding[]> {
  const { checkPropertiesInWorkers } = await import('../checks/properties/index.ts');
  // The status schemas the checks already computed, placed where the endpoint document keeps
  // them (so findings point at `/$defs/status<code>`), without rendering whole documents again.
  const targets = model.apis.flatMap((api) =>
    api.endpoints.flatMap((endpoint) =>
      endpoint.responses.map((response) => {
        const status = schemas.statusSchema(api, endpoint, response.status);
        const pointer = status.pointer.slice(1);
        const defName = pointer.split('/').pop()!;
        const example = response.examples[0]!;
        return {
          api: api.slug,
          endpoint: endpoint.slug,
          status: response.status,
          document: { $defs: { [defName]: status.hasRefs ? relocateRefs(status.schema, pointer) : status.schema } },
          pointer,
          source: { file: example.source.file, line: example.source.line, rowId: example.rowId },
        };
      }),
    ),
  );
  return checkPropertiesInWorkers(targets, { numRuns: runs, seed });
}

/**
 * `lint` / `validate`: read the catalogue, run the checks. A run whose catalogue bytes, options
 * and code all equal an earlier run's is that run: its result is kept by content (CACHE_DIR/runs/)
 * and returned without reading the catalogue again.
 */
export async function runChecksCommand(command: 'lint' | 'validate', options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const root = resolve(options.root ?? process.cwd());
  catalogueFormat(options.config.catalogue); // input errors first: unknown format, missing file
  await assertReadable(options.config.catalogue);
  const key = await runKey(command, options);
  const cacheFile = join(root, CACHE_DIR, 'runs', `${command}.json`);
  const cached = await readCachedRun(cacheFile, key);
  if (cached) return { ...cached, durationMs: performance.now() - started };
  const loaded = await loadModel(options);
  const findings = [...loaded.findings, ...(await runChecks(loaded.model, command, options, false))];
  const run = result(command, loaded.model, loaded.label, loaded.rows, findings, options, started);
  await writeFileAtomic(cacheFile, JSON.stringify({ key, run }), { durable: false });
  return run;
}

/** What a lint/validate result depends on: the catalogue's bytes, the options that change it, the code. */
async function runKey(command: string, options: RunOptions): Promise<string> {
  const { config } = options;
  const bytes = await readFile(config.catalogue);
  const settings = JSON.stringify({ command, rules: [...config.rules].sort(), validate: config.validate, strict: config.strict, file: displayPath(config.catalogue, resolve(options.root ?? process.cwd())) });
  const code = codeFingerprint(['catalogue', 'catalogue/readers', 'model', 'schemas', 'checks/lint', 'checks/lint/rules', 'checks/lint/helpers', 'checks/conformance', 'checks/properties', 'checks/properties/rules', 'arbitraries', 'validators', 'rules', 'build/findings.ts', 'run', 'config']);
  return contentHash(`${fileHash(bytes)}\u0000${settings}\u0000${code}`);
}

async function readCachedRun(file: string, key: string): Promise<RunResult | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const cached = JSON.parse(text) as { key: string; run: RunResult };
    return cached.key === key ? cached.run : undefined;
  } catch {
    return undefined; // a torn or foreign cache file only costs a full run
  }
}

/** `all`: build generated/, then lint and validate the same model; reports are the caller's. */
export async function runAll(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const { config } = options;
  const root = resolve(options.root ?? process.cwd());
  options.onPhase?.({ phase: 'build', detail: `${config.catalogue} → ${config.generated}/` });
  const built = await build({ catalogue: config.catalogue, out: config.generated, strict: config.strict, root, fullModel: true });
  const model = built.model!;
  const findings = [...built.findings, ...(await runChecks(model, 'all', options, true))];

  options.onPhase?.({ phase: 'contracts', detail: `${config.contracts}/` });
  const { writeContracts } = await import('../contracts/index.ts');
  const contracts = await writeContracts({ model, out: config.contracts, strict: config.strict });
  findings.push(...contracts.findings);
  options.onPhase?.({ phase: 'verify', detail: `${contracts.interactions} interactions` });
  const { verifyContracts } = await import('../verify/index.ts');
  const verified = await verifyContracts({ model, pacts: contracts.files.map((file) => join(config.contracts, file)), strict: config.strict });
  findings.push(...verified.findings);
  return result('all', model, displayPath(config.catalogue, root), built.rows, findings, options, started);
}

/** What a run's reports say about the catalogue it read. */
export function catalogueSummary(model: CatalogueModel, file: string, rows: number): RunResult['catalogue'] {
  return { file, rows, apis: model.apis.length, endpoints: model.apis.reduce((n, api) => n + api.endpoints.length, 0) };
}

function result(command: RunCommand, model: CatalogueModel, file: string, rows: number, findings: Finding[], options: RunOptions, started: number): RunResult {
  return {
    command,
    catalogue: catalogueSummary(model, file, rows),
    cases: casesOf(model),
    findings: gradeFindings(findings, options.config.rules),
    durationMs: performance.now() - started,
  };
}

/** The report writers' input for a run. */
export function reportInputFor(run: RunResult, config: ResolvedConfig): ReportInput {
  return {
    tool: { name: 'apiconform', version: VERSION },
    command: run.command,
    catalogue: { ...run.catalogue, responses: run.cases.length },
    findings: run.findings,
    ...(run.fixed ? { fixed: run.fixed } : {}),
    cases: run.cases,
    rules: RULES,
    failOn: config.failOn,
  };
}

export function reportDir(config: ResolvedConfig, command: string, out?: string): string {
  return out ?? join(config.reports, command);
}
