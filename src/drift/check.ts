import type { ValidateFunction } from 'ajv';
import type { Finding } from '../findings/types.ts';
import { ruleById } from '../rules/index.ts';
import { describeViolation, toViolations, type AjvError, type Violation } from '../checks/conformance/index.ts';
import type { StatusSchema } from '../schemas/index.ts';
import { unexpectedFields } from '../verify/index.ts';
import type { DriftCall } from './plan.ts';
import type { CallOutcome } from './call.ts';
import { NO_REDACTION, redactValue, type Redact } from '../util/secrets.ts';
import { cutString } from '../util/json-depth.ts';

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

/** Findings from one answer's schema violations, at most (a body of 60,000 drifted items is one problem, not 60,000). */
export const MAX_VIOLATIONS = 20;
const MAX_ERRORS_READ = 1000;

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
  redact: Redact = NO_REDACTION,
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
        evidence: { status: outcome.status, documented: [...statuses.keys()], body: excerptText(outcome.bodyText, redact) },
      }),
    ];
  }
  const findings: Finding[] = [];
  if (outcome.invalidUtf8At !== undefined) {
    findings.push(
      finding('drift/invalid-encoding', `${label} › ${outcome.status} (${request}): the body is not valid UTF-8 (byte ${outcome.invalidUtf8At} starts no valid character); a strict JSON client rejects it, a lenient one reads U+FFFD in its place`, {
        status: outcome.status,
        evidence: { offset: outcome.invalidUtf8At, contentType: outcome.contentType },
      }),
    );
  }
  let body: unknown;
  try {
    if (outcome.truncated) throw new Error('the body is larger than the limit');
    body = JSON.parse(outcome.bodyText);
  } catch (error) {
    findings.push(
      finding('drift/non-json-body', `${label} › ${outcome.status} (${request}): the body is not JSON (${outcome.contentType || 'no content type'}; ${parseProblem(error)})`, {
        status: outcome.status,
        evidence: { contentType: outcome.contentType, body: excerptText(outcome.bodyText, redact) },
      }),
    );
    return findings;
  }

  const validate = validatorOf(status);
  if (!validate(body)) {
    // a found value may hold an echoed secret: redacted whole, before the message cuts it
    const prepare = redact === NO_REDACTION ? undefined : (found: unknown) => redactValue(found, redact);
    const errors = (validate.errors ?? []) as AjvError[];
    validate.errors = null; // a 4 MB array of drifted items gives an error per item: not kept
    // Only the first MAX_ERRORS_READ errors are turned into violations (the work is bounded), and
    // one answer gives at most MAX_VIOLATIONS findings, the last saying how many more there were.
    const violations = toViolations(errors.slice(0, MAX_ERRORS_READ), status.schema);
    const shown = violations.slice(0, MAX_VIOLATIONS);
    const more = violations.length - shown.length + Math.max(0, errors.length - MAX_ERRORS_READ);
    for (const [index, violation] of shown.entries()) {
      const tail = more > 0 && index === shown.length - 1 ? `; ${more} more violation(s) in this answer are not listed` : '';
      findings.push(
        finding(ruleOf(violation), `${label} › ${outcome.status}: ${describeViolation(violation, body, prepare)} (${violation.schemaPath})${tail}`, {
          status: outcome.status,
          pointer: violation.pointer,
          evidence: { keyword: violation.keyword, schemaPath: violation.schemaPath, params: violation.params, ...(tail ? { moreViolations: more } : {}) },
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

/**
 * Any failure to check one answer (a validator that overflows on a body nested thousands deep, a
 * bug) is a finding for that endpoint, and the run goes on with the others.
 */
export function checkSafely(
  call: DriftCall,
  outcome: CallOutcome,
  statuses: ReadonlyMap<number, StatusSchema>,
  validatorOf: (status: StatusSchema) => ValidateFunction,
  redact: Redact = NO_REDACTION,
): Finding[] {
  try {
    return checkOutcome(call, outcome, statuses, validatorOf, redact);
  } catch (error) {
    const reason = error instanceof RangeError ? 'the body is nested too deeply to check' : `the check failed: ${(error as Error)?.message ?? String(error)}`;
    return [
      {
        ruleId: 'drift/unchecked',
        severity: ruleById('drift/unchecked')!.severity,
        api: call.api.slug,
        endpoint: call.endpoint.slug,
        ...(outcome.kind === 'response' ? { status: outcome.status } : {}),
        message: `${call.api.name} › ${call.endpoint.name} (${call.request.method} ${call.request.path}): the answer could not be checked against the catalogue (${reason})`,
      },
    ];
  }
}

/** Longest excerpt of a raw body kept as evidence. */
const BODY_EXCERPT = 300;
/** Secrets are redacted in this much more than the excerpt, so one the cut runs through is whole. */
const REDACT_MARGIN = 4096;

/** The start of a raw body (not JSON-quoted: it may not be JSON at all), redacted before it is cut. */
function excerptText(text: string, redact: Redact): string {
  const redacted = redact(text.length > BODY_EXCERPT + REDACT_MARGIN ? cutString(text, BODY_EXCERPT + REDACT_MARGIN) : text);
  return redacted.length > BODY_EXCERPT ? `${cutString(redacted, BODY_EXCERPT)}…` : redacted;
}

/**
 * JSON.parse's complaint without the snippet of the body V8 quotes in it (`"XPRBKEY7f3"... is
 * not valid JSON`): a few characters of whatever is there, an echoed secret included, too short
 * to be recognised once cut.
 */
function parseProblem(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  return message.replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, ' (not valid JSON)');
}
