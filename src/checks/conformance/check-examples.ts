import { compareFindings, type Finding } from '../../findings/types.ts';
import type { Api, CatalogueModel } from '../../model/types.ts';
import { ruleById } from '../../rules/index.ts';
import type { StatusSchema } from '../../schemas/index.ts';
import { apiInputHash } from './api-hash.ts';
import { resultKey, type CheckCache } from './check-cache.ts';
import { SchemaCompiler } from './compiler.ts';
import { compileFailureFinding, violationFinding } from './findings.ts';
import { gradeFindings } from './grade.ts';
import { SchemaIndex, type ExampleSite } from './schema-index.ts';
import { severityFor, type SeverityOverrides } from './severity.ts';
import { toViolations } from './violations.ts';

export interface ConformanceOptions {
  /** Caches of earlier runs (see CheckCache): findings per API, normalised schemas, ajv's verdicts. */
  cache?: CheckCache;
  /** Normalised schemas shared with lint; made from the model (and `cache`) when absent. */
  schemas?: SchemaIndex;
  /** Compiler shared with lint; made (with `cache` and `workers`) when absent. */
  compiler?: SchemaCompiler;
  /** Worker threads for ajv when this call makes its own compiler (default: one per core). */
  workers?: number;
  /** Per-rule severity overrides from config; `off` drops the rule's findings. */
  severities?: SeverityOverrides;
  /**
   * Report status schemas ajv cannot compile as `schema/invalid` (default true). `all` runs lint,
   * whose `schema/invalid` reports the same records, and turns this off.
   */
  reportCompileFailures?: boolean;
}

/** The status schema shared by several (endpoint, status) pairs, and every example under it. */
interface SchemaGroup {
  status: StatusSchema;
  sites: ExampleSite[];
}

/**
 * Example conformance (`validate`, README "Commands"): every example against the body schema of its endpoint
 * and status. Each distinct schema (by content hash) is decided once, however many endpoints
 * share it; each violation is an `example/violates-schema` finding naming the pointer into the
 * body, the keyword, what the schema expects and what the body has. With a cache, an API whose
 * rows have not changed since the last run is not looked at again.
 */
export async function checkExamples(model: CatalogueModel, options: ConformanceOptions = {}): Promise<Finding[]> {
  const reportCompileFailures = options.reportCompileFailures ?? true;
  const off = (id: string) => severityFor(id, options.severities) === 'off';
  if (off('example/violates-schema') && (off('schema/invalid') || !reportCompileFailures)) return [];
  const results = options.cache?.conformance;
  const optionsKey = { reportCompileFailures };

  const findings: Finding[] = [];
  const todo: Array<{ api: Api; key?: string }> = [];
  for (const api of model.apis) {
    const key = results && resultKey(apiInputHash(api), optionsKey);
    const cached = key !== undefined ? results!.get(key) : undefined;
    if (cached) findings.push(...cached);
    else todo.push({ api, ...(key !== undefined ? { key } : {}) });
  }

  if (todo.length > 0) {
    const schemas = options.schemas ?? new SchemaIndex(model, { cache: options.cache?.normalised });
    const compiler = options.compiler ?? new SchemaCompiler({ cache: options.cache?.verdicts, workers: options.workers });
    const fresh = await decide(schemas, compiler, todo.map(({ api }) => api), reportCompileFailures);
    for (const { api, key } of todo) {
      const own = fresh.get(api) ?? [];
      findings.push(...own);
      if (key !== undefined) results!.set(key, own);
    }
  }
  return gradeFindings(findings, options.severities).sort(compareFindings);
}

/** Findings (default severities) of the given APIs, by API. */
async function decide(schemas: SchemaIndex, compiler: SchemaCompiler, apis: readonly Api[], reportCompileFailures: boolean): Promise<Map<Api, Finding[]>> {
  const groups = groupBySchema(schemas, apis);
  const outcomes = await compiler.decide(
    groups.map(({ status, sites }) => ({
      hash: status.hash,
      schema: status.schema,
      bodies: sites.map((site) => site.example.body),
      texts: sites.map((site) => site.example.bodyText),
    })),
  );

  const byApi = new Map<Api, Finding[]>();
  const add = (api: Api, finding: Finding) => {
    const list = byApi.get(api);
    if (list) list.push(finding);
    else byApi.set(api, [finding]);
  };
  const violates = ruleById('example/violates-schema')!.severity;
  const invalid = ruleById('schema/invalid')!.severity;
  groups.forEach((group, g) => {
    const outcome = outcomes[g]!;
    if ('compileError' in outcome) {
      if (!reportCompileFailures) return;
      const reported = new Set<object>();
      for (const { api, endpoint, response } of group.sites) {
        if (reported.has(response)) continue;
        reported.add(response);
        add(api, compileFailureFinding(api, endpoint, response, outcome.compileError, invalid));
      }
      return;
    }
    outcome.forEach((verdict, i) => {
      if (verdict.valid) return;
      const site = group.sites[i]!;
      for (const violation of toViolations(verdict.errors, group.status.schema)) add(site.api, violationFinding(site, violation, violates));
    });
  });
  return byApi;
}

function groupBySchema(schemas: SchemaIndex, apis: readonly Api[]): SchemaGroup[] {
  const groups = new Map<string, SchemaGroup>();
  for (const site of schemas.sites(apis)) {
    const status = schemas.statusSchema(site.api, site.endpoint, site.response.status);
    let group = groups.get(status.hash);
    if (!group) groups.set(status.hash, (group = { status, sites: [] }));
    group.sites.push(site);
  }
  return [...groups.values()];
}
