import { resolve } from 'node:path';
import { gradeFindings } from '../config/index.ts';
import { bindingsFromModel, loadBindings } from '../contracts/index.ts';
import { usageError } from '../util/errors.ts';
import { rowProblemFinding } from '../build/findings.ts';
import { displayPath } from '../build/paths.ts';
import { runDriftChecks, type DriftResult, type Shard } from '../drift/index.ts';
import { compareFindings } from '../findings/types.ts';
import { loadCatalogueModel } from '../model/index.ts';
import { defaultResponseOf } from '../serve/index.ts';
import { catalogueSummary, type RunOptions, type RunResult } from './run.ts';

export interface DriftRunOptions extends RunOptions {
  /** Bindings file; without one, the catalogue's own methods and paths (OpenAPI) are used. */
  bindings?: string;
  /** The provider every API of an OpenAPI catalogue is called at (default: its first server). */
  baseUrl?: string;
  shard?: Shard;
  concurrency?: number;
  onCall?: (done: number, total: number) => void;
}

/** `drift`: catalogue + bindings → live calls (this shard's) → graded drift findings and per-call results. */
export async function runDrift(options: DriftRunOptions): Promise<RunResult & { results: DriftResult[]; unbound: number }> {
  const started = performance.now();
  const root = resolve(options.root ?? process.cwd());
  const fileBindings = options.bindings ? await loadBindings(options.bindings) : undefined;
  const label = displayPath(options.config.catalogue, root);
  options.onPhase?.({ phase: 'read', detail: label });
  const { model, rows, problems } = await loadCatalogueModel(options.config.catalogue, { strict: options.config.strict, label });
  // an OpenAPI catalogue knows its methods and paths: a base URL (or its servers) is enough
  const bindings = fileBindings ?? bindingsFromModel(model, options.baseUrl);
  if (!bindings) throw usageError('drift needs --bindings FILE (the catalogue has no methods or paths; an OpenAPI document has, with --base-url or its servers)');
  options.onPhase?.({ phase: 'drift', detail: options.shard && options.shard.count > 1 ? `shard ${options.shard.index}/${options.shard.count}` : undefined });
  const run = await runDriftChecks({
    model,
    bindings,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.onCall ? { onProgress: options.onCall } : {}),
  });
  // one checked case per call: the status answered, or the one the endpoint documents first
  const endpoints = new Map(model.apis.flatMap((api) => api.endpoints.map((endpoint) => [`${api.slug}/${endpoint.slug}`, { api, endpoint }] as const)));
  const cases = run.results.map((result) => {
    const { api, endpoint } = endpoints.get(`${result.api}/${result.endpoint}`)!;
    return { api: api.slug, apiName: api.name, endpoint: endpoint.slug, endpointName: endpoint.name, status: result.status ?? defaultResponseOf(endpoint)?.status ?? 0 };
  });
  const findings = [...problems.map(rowProblemFinding), ...run.findings];
  return {
    command: 'drift',
    catalogue: catalogueSummary(model, label, rows),
    cases,
    findings: gradeFindings(findings, options.config.rules).sort(compareFindings),
    durationMs: performance.now() - started,
    results: run.results,
    unbound: run.unbound,
  };
}
