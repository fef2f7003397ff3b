import { join, resolve } from 'node:path';
import { assertReadable, catalogueFormat } from '../catalogue/index.ts';
import type { ResolvedConfig } from '../config/index.ts';
import { gradeFindings } from '../config/index.ts';
import type { Finding } from '../findings/types.ts';
import { findingInShard, loadCatalogueModel, shardModel, type CatalogueModel, type Shard } from '../model/index.ts';
import { rowProblemFinding } from '../build/findings.ts';
import { relocateRefs } from '../schemas/index.ts';
import { displayPath } from '../build/paths.ts';
import { build } from '../build/index.ts';
import { lint } from '../checks/lint/index.ts';
import { apiInputHash, checkExamples, CheckCache, SchemaCompiler, SchemaIndex } from '../checks/conformance/index.ts';
import { CACHE_DIR, KeyedCache } from '../util/keyed-cache.ts';

export { CACHE_DIR };
import type { ResponseTarget, TargetOutcome } from '../checks/properties/index.ts';
import type { ApiContract, MatcherNode } from '../contracts/index.ts';
import { RULES } from '../rules/index.ts';
import type { ReportCase, ReportInput } from '../reports/index.ts';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { contentHash, fileHash } from '../util/hash.ts';
import { codeFingerprint } from '../util/code-fingerprint.ts';
import { VERSION } from '../version.ts';


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
  /**
   * Check only this shard's endpoints (`--shard I/N`, the stable endpoint hash drift uses). Rules
   * that look at a whole API still read all of it; every run reports only its shard's findings,
   * so `report --merge` of the N shards equals the unsharded run.
   */
  shard?: Shard;
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
 * runs here. Property checks are the caller's (`all` runs them after writing the contracts they test).
 */
async function runChecks(model: CatalogueModel, part: CatalogueModel, command: RunCommand, options: RunOptions, fromBuild: boolean): Promise<{ findings: Finding[]; schemas: SchemaIndex }> {
  const cache = CheckCache.open(resolve(options.root ?? process.cwd(), CACHE_DIR));
  const schemas = new SchemaIndex(model, { cache: cache.normalised });
  const compiler = new SchemaCompiler({ cache: cache.verdicts });
  const severities = options.config.rules;
  const findings: Finding[] = [];
  let conformance: Promise<Finding[]> | undefined;
  if (command !== 'lint') {
    options.onPhase?.({ phase: 'validate' });
    // with lint in the same run, lint reports schemas ajv cannot compile (schema/invalid)
    conformance = checkExamples(part, { cache, schemas, compiler, severities, reportCompileFailures: command === 'validate' });
  }
  if (command !== 'validate') {
    options.onPhase?.({ phase: 'lint' });
    // after a build, the normaliser's problems are already among the build's findings
    const inShard = findingInShard(model, options.shard ?? { index: 1, count: 1 });
    findings.push(...lint(model, { cache, schemas, compiler, severities, normaliserProblems: !fromBuild }).filter(inShard));
  }
  if (conformance) findings.push(...(await conformance));
  await cache.save();
  return { findings, schemas };
}

/**
 * Property checks over every distinct response schema (checks/properties): the mock's dynamic
 * bodies conform, each contract is neither too strict nor too weak, and which kinds of drift the
 * schema cannot see. Outcomes are kept by content (schema, matchers, runs, seed, code), so only
 * schemas that changed are checked again. `--self-check` adds the generator/validator agreement
 * check, which tests apiconform itself rather than the catalogue.
 */
async function propertyFindings(part: CatalogueModel, schemas: SchemaIndex, contracts: readonly ApiContract[], options: RunOptions): Promise<Finding[]> {
  const { runs, seed, selfCheck } = options.config.validate;
  if (runs === 0) return [];
  options.onPhase?.({ phase: 'properties', detail: `${runs} runs per schema, seed ${seed}` });
  const { planResponseTargets, responseFindings, checkResponsesInWorkers } = await import('../checks/properties/index.ts');
  const matchers = new Map<string, MatcherNode>();
  for (const contract of contracts) {
    for (const i of contract.interactions) matchers.set(`${i.api}\u0000${i.endpoint}\u0000${i.status}\u0000${i.example}`, i.response.body);
  }
  const planned = planResponseTargets(part, schemas, (api, endpoint, status, example) => matchers.get(`${api}\u0000${endpoint}\u0000${status}\u0000${example}`)!);
  const cache = KeyedCache.open<TargetOutcome>(resolve(options.root ?? process.cwd(), CACHE_DIR), PROPERTIES_CACHE_FILE, `properties-v1 ${codeFingerprint()}`);
  const keyOf = (target: ResponseTarget) => contentHash(`${target.key}\u0000${runs}\u0000${seed}`);
  const outcomes: Array<TargetOutcome | undefined> = planned.map(({ target }) => cache.get(keyOf(target)));
  const missing = planned.map((p, i) => i).filter((i) => outcomes[i] === undefined);
  const computed = await checkResponsesInWorkers(missing.map((i) => planned[i]!.target), { numRuns: runs, seed });
  missing.forEach((index, j) => {
    outcomes[index] = computed[j]!;
    cache.set(keyOf(planned[index]!.target), computed[j]!);
  });
  await cache.save();
  const findings = responseFindings(planned, outcomes as TargetOutcome[]);
  if (selfCheck) findings.push(...(await selfCheckFindings(part, schemas, runs, seed)));
  return findings;
}

export const PROPERTIES_CACHE_FILE = 'properties.json';

/** The generator self-check (opt-in): bodies generated from each status schema validate, mutated ones do not. */
async function selfCheckFindings(model: CatalogueModel, schemas: SchemaIndex, runs: number, seed: number): Promise<Finding[]> {
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
  const shard = options.shard ?? { index: 1, count: 1 };
  const part = shardModel(loaded.model, shard);
  const checked = await runChecks(loaded.model, part, command, options, false);
  const findings = [...loaded.findings.filter(() => shard.index === 1), ...checked.findings];
  if (command === 'validate' && options.config.validate.runs > 0) {
    const { contractsFor } = await import('../contracts/index.ts');
    const contracts = contractsFor(part, { normalise: (example) => checked.schemas.normalised(example) });
    findings.push(...(await propertyFindings(part, checked.schemas, contracts, options)));
  }
  const run = result(command, loaded.model, part, loaded.label, loaded.rows, findings, options, started);
  await writeFileAtomic(cacheFile, JSON.stringify({ key, run }), { durable: false });
  return run;
}

/** What a lint/validate result depends on: the catalogue's bytes, the options that change it, the code. */
async function runKey(command: string, options: RunOptions): Promise<string> {
  const { config } = options;
  const bytes = await readFile(config.catalogue);
  const settings = JSON.stringify({ command, shard: options.shard ?? null, rules: [...config.rules].sort(), validate: config.validate, strict: config.strict, file: displayPath(config.catalogue, resolve(options.root ?? process.cwd())) });
  const code = codeFingerprint();
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
  const shard = options.shard ?? { index: 1, count: 1 };
  const part = shardModel(model, shard);
  const inShard = findingInShard(model, shard);
  const checked = await runChecks(model, part, 'all', options, true);
  const findings = [...built.findings.filter(inShard), ...checked.findings];

  options.onPhase?.({ phase: 'contracts', detail: `${config.contracts}/` });
  const { writeContracts, pactFileName, DEFAULT_CONSUMER } = await import('../contracts/index.ts');
  // a shard's pact files hold its own interactions: each runner verifies its share
  const contracts = await writeContracts({ model: part, out: config.contracts, strict: config.strict, cacheDir: resolve(root, CACHE_DIR) });
  findings.push(...contracts.findings);
  findings.push(...(await propertyFindings(part, checked.schemas, contracts.contracts, options)));
  options.onPhase?.({ phase: 'verify', detail: `${contracts.interactions} interactions` });
  const pacts = contracts.contracts
    .filter((c) => c.interactions.length > 0)
    .map((c) => {
      const name = pactFileName(DEFAULT_CONSUMER, c.provider);
      return { provider: c.provider, file: join(config.contracts, name), sha: contracts.fileHashes.get(name)! };
    });
  findings.push(...(await verifyAgainstMock(part, pacts, resolve(root, CACHE_DIR), config.strict)));
  return result('all', model, part, displayPath(config.catalogue, root), built.rows, findings, options, started);
}

export const VERIFIED_CACHE_FILE = 'verified.json';

/**
 * Verification of the contracts against the mock provider, one pact file per API, kept by content:
 * an API whose pact file and catalogue rows (which the mock answers from) are unchanged keeps its
 * findings, and the Pact verifier runs over the other files only.
 */
async function verifyAgainstMock(model: CatalogueModel, pacts: ReadonlyArray<{ provider: string; file: string; sha: string }>, cacheDir: string, strict: boolean): Promise<Finding[]> {
  const cache = KeyedCache.open<Finding[]>(cacheDir, VERIFIED_CACHE_FILE, `verified-v1 ${codeFingerprint()}`);
  const apis = new Map(model.apis.map((api) => [api.slug, api]));
  const findings: Finding[] = [];
  const todo: Array<{ provider: string; file: string; key: string }> = [];
  for (const { provider, file, sha } of pacts) {
    const api = apis.get(provider);
    if (!api) continue;
    const key = contentHash(`${sha}\u0000${apiInputHash(api)}`);
    const kept = cache.get(key);
    if (kept) findings.push(...kept);
    else todo.push({ provider, file, key });
  }
  if (todo.length > 0) {
    const { verifyContracts } = await import('../verify/index.ts');
    const verified = await verifyContracts({ model, pacts: todo.map((t) => t.file), strict });
    findings.push(...verified.findings);
    for (const { provider, key } of todo) cache.set(key, verified.findings.filter((f) => f.api === provider));
  }
  await cache.save();
  return findings;
}

/** What a run's reports say about the catalogue it read. */
export function catalogueSummary(model: CatalogueModel, file: string, rows: number): RunResult['catalogue'] {
  return { file, rows, apis: model.apis.length, endpoints: model.apis.reduce((n, api) => n + api.endpoints.length, 0) };
}

/** `part`: the shard's model (its cases are the ones checked); the catalogue counts are the whole model's. */
function result(command: RunCommand, model: CatalogueModel, part: CatalogueModel, file: string, rows: number, findings: Finding[], options: RunOptions, started: number): RunResult {
  return {
    command,
    catalogue: catalogueSummary(model, file, rows),
    cases: casesOf(part),
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
