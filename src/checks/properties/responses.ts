import type { MatcherNode } from '../../contracts/index.ts';
import type { Finding, FindingSource } from '../../findings/types.ts';
import type { CatalogueModel } from '../../model/types.ts';
import { canonicalJson } from '../../util/canonical-json.ts';
import { contentHash } from '../../util/hash.ts';
import type { SchemaIndex } from '../conformance/index.ts';
import { clipEvidence } from './check.ts';
import { DRIFT_KIND_LABEL } from './drift-mutations.ts';
import type { ResponseTarget, TargetOutcome } from './response-check.ts';
import {
  propertyContractBlindSpot,
  propertyContractTooStrict,
  propertyDriftBlind,
  propertyMockNonconforming,
  propertyUnsatisfiable,
  propertyUnsupported,
} from './rules/index.ts';

/** Where a target's outcome is reported: one catalogue example (an interaction of its API's contract). */
export interface ResponseUse {
  api: string;
  endpoint: string;
  status: number;
  example: number;
  /** `/$defs/status<code>`: the body schema in the endpoint document. */
  pointer: string;
  source: FindingSource;
  /** Index of this example's matcher tree in the target's `matchers`. */
  matcher: number;
}

export interface PlannedTarget {
  target: ResponseTarget;
  uses: ResponseUse[];
}

/** The Pact matcher tree of one example (the contract's interaction for it). */
export type MatchersOf = (api: string, endpoint: string, status: number, example: number) => MatcherNode;

/**
 * One target per distinct example schema (by canonical hash), with the distinct matcher trees of
 * the examples that have it, in model order. A full-size catalogue has ~28,000 examples and about
 * 18,500 distinct schemas; endpoints that share a schema share the work.
 */
export function planResponseTargets(model: CatalogueModel, schemas: SchemaIndex, matchersOf: MatchersOf): PlannedTarget[] {
  const bySchema = new Map<string, { schema: unknown; matchers: Map<string, number>; matcherList: MatcherNode[]; uses: ResponseUse[] }>();
  // `model` may be a shard of the index's model: its APIs hold the same endpoints
  for (const site of schemas.sites(model.apis)) {
    const { api, endpoint, response, example } = site;
    const normalised = schemas.normalised(example);
    let group = bySchema.get(normalised.hash);
    if (!group) bySchema.set(normalised.hash, (group = { schema: normalised.schema, matchers: new Map(), matcherList: [], uses: [] }));
    const index = response.examples.indexOf(example);
    const matcher = matchersOf(api.slug, endpoint.slug, response.status, index);
    const text = canonicalJson(matcher);
    let m = group.matchers.get(text);
    if (m === undefined) {
      group.matchers.set(text, (m = group.matcherList.length));
      group.matcherList.push(matcher);
    }
    group.uses.push({
      api: api.slug,
      endpoint: endpoint.slug,
      status: response.status,
      example: index,
      pointer: `/$defs/status${response.status}`,
      source: { file: example.source.file, line: example.source.line, rowId: example.rowId },
      matcher: m,
    });
  }
  return [...bySchema.entries()].map(([hash, group]) => ({
    target: { key: contentHash(`${hash}\u0000${[...group.matchers.keys()].join('\u0000')}`), schemaHash: hash, schema: group.schema, matchers: group.matcherList },
    uses: group.uses,
  }));
}

/**
 * Outcomes → findings, in the catalogue's terms: schema-level results (the mock, drift
 * sensitivity, schemas that cannot be checked) once per endpoint and status — several examples'
 * schemas of one status add up, and a status is blind to a kind when any of its schemas is (a body
 * of that shape drifts unseen) — and contract results once per interaction.
 */
export function responseFindings(planned: readonly PlannedTarget[], outcomes: readonly TargetOutcome[]): Finding[] {
  const findings: Finding[] = [];
  const statuses = new Map<string, { use: ResponseUse; blind: Set<string>; runs: number; seeds: number[] }>();
  const reported = new Set<string>();
  const once = (use: ResponseUse, rule: string) => {
    const key = `${rule}\u0000${use.api}\u0000${use.endpoint}\u0000${use.status}`;
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  };
  planned.forEach(({ uses }, t) => {
    const outcome = outcomes[t]!;
    for (const use of uses) {
      const where = { api: use.api, endpoint: use.endpoint, status: use.status, source: use.source };
      const label = `${use.api} ${use.endpoint} ${use.status}`;
      if (outcome.failure) {
        const rule = outcome.failure.kind === 'unsatisfiable' ? propertyUnsatisfiable : propertyUnsupported;
        if (once(use, rule.id)) {
          findings.push({
            ...where,
            ruleId: rule.id,
            severity: rule.severity,
            pointer: use.pointer + outcome.failure.pointer,
            message:
              outcome.failure.kind === 'unsatisfiable'
                ? `${label}: no body can satisfy this schema: ${outcome.failure.reason}; every response with this status would fail validation`
                : `${label}: property checks skipped: ${outcome.failure.reason}`,
            evidence: { reason: outcome.failure.reason, seed: outcome.seed },
          });
        }
        continue;
      }
      if (outcome.mock && once(use, propertyMockNonconforming.id)) {
        findings.push({
          ...where,
          ruleId: propertyMockNonconforming.id,
          severity: propertyMockNonconforming.severity,
          pointer: use.pointer,
          message: `${label}: the mock provider's Prefer: dynamic=true body is rejected by the response validator (${outcome.mock.errors}); replay with seed ${outcome.seed}, shrunk body in evidence`,
          evidence: { seed: outcome.seed, runs: outcome.runs, body: clipEvidence(outcome.mock.body), errors: outcome.mock.errors },
        });
      }
      const contract = outcome.contracts[use.matcher]!;
      const interaction = `${use.api}/${use.endpoint} returns ${use.status} (example ${use.example})`;
      if (contract.tooStrict) {
        findings.push({
          ...where,
          example: use.example,
          ruleId: propertyContractTooStrict.id,
          severity: propertyContractTooStrict.severity,
          pointer: use.pointer,
          message: `${interaction}: a body the schema allows fails the contract's matching rules at ${contract.tooStrict.pointer || '/'}; a provider sending it would fail verification (seed ${outcome.seed}, shrunk body in evidence)`,
          evidence: { seed: outcome.seed, at: contract.tooStrict.pointer, body: clipEvidence(contract.tooStrict.body) },
        });
      }
      if (contract.blindSpots.length > 0) {
        findings.push({
          ...where,
          example: use.example,
          ruleId: propertyContractBlindSpot.id,
          severity: propertyContractBlindSpot.severity,
          pointer: use.pointer,
          message: `${interaction}: the contract lets through ${contract.blindSpots.map((s) => `${DRIFT_KIND_LABEL[s.kind]} (e.g. at ${s.pointer || '/'})`).join(', ')}, which the schema rejects`,
          evidence: { seed: outcome.seed, blindSpots: contract.blindSpots },
        });
      }
      const key = `${use.api}\u0000${use.endpoint}\u0000${use.status}`;
      let status = statuses.get(key);
      if (!status) statuses.set(key, (status = { use, blind: new Set(), runs: 0, seeds: [] }));
      for (const kind of outcome.blind) status.blind.add(kind);
      status.runs += outcome.runs;
      if (!status.seeds.includes(outcome.seed)) status.seeds.push(outcome.seed);
    }
  });
  for (const { use, blind, seeds } of statuses.values()) {
    if (blind.size === 0) continue;
    const kinds = [...blind].sort();
    findings.push({
      api: use.api,
      endpoint: use.endpoint,
      status: use.status,
      source: use.source,
      ruleId: propertyDriftBlind.id,
      severity: propertyDriftBlind.severity,
      pointer: use.pointer,
      message: `${use.api} ${use.endpoint} ${use.status}: drift checks cannot see ${kinds.map((k) => DRIFT_KIND_LABEL[k as keyof typeof DRIFT_KIND_LABEL]).join(', ')} (the schema rejected no such change in any generated body)`,
      evidence: { kinds, labels: kinds.map((k) => DRIFT_KIND_LABEL[k as keyof typeof DRIFT_KIND_LABEL]), seeds },
    });
  }
  return findings;
}
