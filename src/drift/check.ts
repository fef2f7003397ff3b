import type { ValidateFunction } from 'ajv';
import type { Finding } from '../findings/types.ts';
import { ruleById } from '../rules/index.ts';
import { describeViolation, toViolations, type AjvError, type Violation } from '../checks/conformance/index.ts';
import type { StatusSchema } from '../schemas/index.ts';
import { unexpectedFields } from '../verify/index.ts';
import type { DriftCall } from './plan.ts';
import type { CallOutcome } from './call.ts';

export type DriftVerdict = 'ok' | 'drift' | 'timeout' | 'unreachable';

/** One call's outcome as reported (endpoint, status, latency, verdict: docs/CI.md). */
export interface DriftResult {
  api: string;
  endpoint: string;
  method: string;
  /** The bound path (no query, no headers: nothing secret). */
  path: string;
  status?: number;
  latencyMs: number;
  attempts: number;
  verdict: DriftVerdict;
  findings: number;
}

const KEYWORD_RULES: Record<string, string> = {
  required: 'drift/missing-required-field',
  type: 'drift/type-changed',
  enum: 'drift/enum-value',
  const: 'drift/enum-value',
  format: 'drift/format',
};

/**
 * A live answer against what the catalogue documents for that endpoint: the status must be one
 * it documents, the body JSON, and valid against that status's schema; fields the schema does not
 * name are reported apart (a provider may add fields; a strict client sees them).
 */
export function checkOutcome(
  call: DriftCall,
  outcome: CallOutcome,
  statuses: ReadonlyMap<number, StatusSchema>,
  validatorOf: (status: StatusSchema) => ValidateFunction,
): Finding[] {
  const label = `${call.api.name} › ${call.endpoint.name}`;
  const base = { api: call.api.slug, endpoint: call.endpoint.slug };
  const finding = (ruleId: string, message: string, extra: Partial<Finding> = {}): Finding => ({ ruleId, severity: ruleById(ruleId)!.severity, ...base, message, ...extra });
  const request = `${call.request.method} ${call.request.path}`;

  if (outcome.kind !== 'response') {
    return outcome.kind === 'timeout'
      ? [finding('drift/timeout', `${label} (${request}): ${outcome.message}, after ${outcome.attempts} attempt(s)`, { evidence: { attempts: outcome.attempts, timeoutMs: call.timeoutMs } })]
      : [finding('drift/unreachable', `${label} (${request}): unreachable (${outcome.message}) after ${outcome.attempts} attempt(s)`, { evidence: { attempts: outcome.attempts, error: outcome.message } })];
  }
  const status = statuses.get(outcome.status);
  if (!status) {
    const documented = [...statuses.keys()].join(', ');
    return [
      finding('drift/undocumented-status', `${label} (${request}) answered ${outcome.status}, which the catalogue does not document (it documents ${documented})`, {
        status: outcome.status,
        evidence: { status: outcome.status, documented: [...statuses.keys()], body: excerptText(outcome.bodyText) },
      }),
    ];
  }
  let body: unknown;
  try {
    if (outcome.truncated) throw new Error('the body is larger than the limit');
    body = JSON.parse(outcome.bodyText);
  } catch (error) {
    return [
      finding('drift/non-json-body', `${label} › ${outcome.status} (${request}): the body is not JSON (${outcome.contentType || 'no content type'}; ${(error as Error).message})`, {
        status: outcome.status,
        evidence: { contentType: outcome.contentType, body: excerptText(outcome.bodyText) },
      }),
    ];
  }

  const findings: Finding[] = [];
  const validate = validatorOf(status);
  if (!validate(body)) {
    for (const violation of toViolations((validate.errors ?? []) as AjvError[], status.schema)) {
      findings.push(
        finding(ruleOf(violation), `${label} › ${outcome.status}: ${describeViolation(violation, body)} (${violation.schemaPath})`, {
          status: outcome.status,
          pointer: violation.pointer,
          evidence: { keyword: violation.keyword, schemaPath: violation.schemaPath, params: violation.params },
        }),
      );
    }
  }
  for (const pointer of unexpectedFields(status.schema, body)) {
    findings.push(finding('drift/new-field', `${label} › ${outcome.status}: \`${pointer}\` is not in the schema (a new field)`, { status: outcome.status, pointer }));
  }
  return findings;
}

export function verdictOf(outcome: CallOutcome, findings: readonly Finding[]): DriftVerdict {
  if (outcome.kind !== 'response') return outcome.kind;
  return findings.some((f) => f.severity !== 'info') ? 'drift' : 'ok';
}

/** A failed anyOf/oneOf counts as the kind its closest alternative objects to. */
function ruleOf(violation: Violation): string {
  const direct = KEYWORD_RULES[violation.keyword];
  if (direct) return direct;
  if (violation.branches?.length) {
    const closest = [...violation.branches].sort((a, b) => a.errors.length - b.errors.length)[0]!;
    const keyword = closest.errors.find((e) => KEYWORD_RULES[e.keyword])?.keyword;
    if (keyword) return KEYWORD_RULES[keyword]!;
  }
  return 'drift/constraint-violated';
}

/** The start of a raw body (not JSON-quoted: it may not be JSON at all). */
function excerptText(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
