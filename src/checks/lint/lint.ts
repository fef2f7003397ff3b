import { compareFindings, type Finding } from '../../findings/types.ts';
import type { Api, CatalogueModel } from '../../model/types.ts';
import type { FindingDraft } from '../../rules/types.ts';
import { apiInputHash } from '../conformance/api-hash.ts';
import { resultKey, type CheckCache } from '../conformance/check-cache.ts';
import { SchemaCompiler } from '../conformance/compiler.ts';
import { gradeFindings } from '../conformance/grade.ts';
import { SchemaIndex } from '../conformance/schema-index.ts';
import { severityFor, type SeverityOverrides } from '../conformance/severity.ts';
import { LintContext } from './context.ts';
import { LINT_RULES } from './rules/index.ts';
import type { LintRule } from './types.ts';

export interface LintOptions {
  /** Caches of earlier runs (see CheckCache): findings per API, normalised schemas, compile outcomes. */
  cache?: CheckCache;
  /** Normalised schemas shared with example conformance; made from the model (and `cache`) when absent. */
  schemas?: SchemaIndex;
  /** Compiler shared with example conformance; made (with `cache`) when absent. */
  compiler?: SchemaCompiler;
  /** Per-rule severity overrides from config; `off` skips the rule entirely. */
  severities?: SeverityOverrides;
  /**
   * Report the schema normaliser's problems as `schema/invalid` (default true). `build` already
   * reports them (and replays them when it reuses an endpoint), so `all` turns this off.
   */
  normaliserProblems?: boolean;
  /** Run only these rules (all by default). */
  rules?: readonly LintRule[];
}

/**
 * Runs every enabled lint rule over the model; findings in report order. Every rule looks at one
 * API at a time, so with a cache an API whose rows have not changed since the last run is not
 * looked at again: its findings are the last run's.
 */
export function lint(model: CatalogueModel, options: LintOptions = {}): Finding[] {
  const rules = (options.rules ?? LINT_RULES).filter((rule) => severityFor(rule.id, options.severities) !== 'off');
  const normaliserProblems = options.normaliserProblems ?? true;
  const results = options.cache?.lint;
  const optionsKey = { rules: rules.map((rule) => rule.id), normaliserProblems };

  const findings: Finding[] = [];
  const todo: Array<{ api: Api; key?: string }> = [];
  for (const api of model.apis) {
    const key = results && resultKey(apiInputHash(api), optionsKey);
    const cached = key !== undefined ? results!.get(key) : undefined;
    if (cached) findings.push(...cached);
    else todo.push({ api, ...(key !== undefined ? { key } : {}) });
  }

  if (todo.length > 0 && rules.length > 0) {
    const schemas = options.schemas ?? new SchemaIndex(model, { cache: options.cache?.normalised });
    const compiler = options.compiler ?? new SchemaCompiler({ cache: options.cache?.verdicts });
    const context = new LintContext([...schemas.sites(todo.map(({ api }) => api))], schemas, compiler, normaliserProblems);
    const byApi = new Map<string, Finding[]>();
    for (const rule of rules) {
      for (const draft of rule.check(context)) {
        const finding = toFinding(rule, draft);
        const list = byApi.get(finding.api);
        if (list) list.push(finding);
        else byApi.set(finding.api, [finding]);
      }
    }
    for (const { api, key } of todo) {
      const own = byApi.get(api.slug) ?? [];
      findings.push(...own);
      if (key !== undefined) results!.set(key, own);
    }
  }
  return gradeFindings(findings, options.severities).sort(compareFindings);
}

/** A draft as a Finding, its fields in the record's order (reports and caches print them as they are). */
function toFinding(rule: LintRule, draft: FindingDraft): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    api: draft.api,
    endpoint: draft.endpoint,
    ...(draft.status !== undefined ? { status: draft.status } : {}),
    ...(draft.example !== undefined ? { example: draft.example } : {}),
    ...(draft.pointer !== undefined ? { pointer: draft.pointer } : {}),
    message: draft.message,
    ...(draft.evidence !== undefined ? { evidence: draft.evidence } : {}),
    ...(draft.source !== undefined ? { source: draft.source } : {}),
  };
}
