import type { ValidateFunction } from 'ajv';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resolveHeaders, type Bindings } from '../contracts/index.ts';
import type { Finding } from '../findings/types.ts';
import type { CatalogueModel } from '../model/index.ts';
import { cachedNormaliser, statusSchema, type StatusSchema } from '../schemas/index.ts';
import { createAjv } from '../validators/index.ts';
import { redactor, redactValue } from '../util/secrets.ts';
import { callWithRetries, type CallOutcome } from './call.ts';
import { checkSafely, verdictOf, type DriftResult } from './check.ts';
import { fairScheduler } from './schedule.ts';
import { planDrift, type DriftCall, type Shard } from './plan.ts';

export interface DriftOptions {
  model: CatalogueModel;
  bindings: Bindings;
  shard?: Shard;
  /** Calls in flight at once, across APIs (each API also keeps to the bindings' rateLimit). */
  concurrency?: number;
  /** Where `${VAR}` in header templates is looked up (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Called after each call. */
  onProgress?: (done: number, total: number) => void;
}

export interface DriftRun {
  results: DriftResult[];
  findings: Finding[];
  /** Bound endpoints in the catalogue that no shard calls because the bindings do not say how. */
  unbound: number;
}

export const DEFAULT_CONCURRENCY = 4;

/**
 * V8 lets garbage pile up to a multiple of the live heap before a full collection; with answers
 * of megabytes each (a parsed body is several times its text) that is hundreds of MB of dead
 * bodies. A full collection after every COLLECT_EVERY characters received keeps peak memory near
 * the live heap, for a few milliseconds per collection.
 */
const COLLECT_EVERY = 64 * 1024 * 1024;
let collect: (() => void) | null | undefined;
function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

/**
 * Nightly drift: calls each bound endpoint of the catalogue (of this shard) and checks the
 * answer against what the catalogue documents. Secrets come from the environment into request
 * headers only; every message and evidence that leaves this function is passed through a
 * redactor as well, in case a provider echoes a key back. A missing variable stops the run
 * before any call is made.
 */
export async function runDriftChecks(options: DriftOptions): Promise<DriftRun> {
  const { calls, unbound } = planDrift(options.model, options.bindings, options.shard);
  const env = options.env ?? process.env;
  const secrets: string[] = [];
  const prepared = calls.map((call) => {
    const { headers, secrets: used } = resolveHeaders(call.headers, env, `${call.api.slug}/${call.endpoint.slug}`);
    secrets.push(...used);
    return { call, headers };
  });
  const redact = redactor(secrets);

  const normalise = cachedNormaliser();
  const ajv = createAjv();
  // Every status schema is normalised and compiled before the first call: checking an answer
  // as it arrives then costs no compiling while other calls are in flight (and on their timers).
  const compiled = new Map<string, ValidateFunction | Error>();
  const statusesOf = prepared.map(({ call }) => {
    const statuses = new Map(call.endpoint.responses.map((response) => [response.status, statusSchema(response, normalise).status]));
    for (const status of statuses.values()) {
      if (compiled.has(status.hash)) continue;
      try {
        compiled.set(status.hash, ajv.compile(status.schema as object));
      } catch (error) {
        compiled.set(status.hash, error as Error);
      }
    }
    return statuses;
  });
  const reported = new Set<string>();
  const compileProblems: Finding[] = [];
  const validatorOf = (call: DriftCall) => (status: StatusSchema): ValidateFunction => {
    const validate = compiled.get(status.hash);
    if (typeof validate === 'function') return validate;
    if (!reported.has(status.hash)) {
      reported.add(status.hash);
      compileProblems.push({
        ruleId: 'schema/invalid',
        severity: 'error',
        api: call.api.slug,
        endpoint: call.endpoint.slug,
        status: status.status,
        message: `${call.api.name} › ${call.endpoint.name} › ${status.status}: ajv cannot compile the body schema (${validate?.message ?? 'unknown error'}), so live answers are checked for status and JSON only`,
      });
    }
    return Object.assign(() => true, { errors: null }) as unknown as ValidateFunction;
  };

  // One queue per API feeding the pool: a rate-limited or slow API holds no slot it cannot use,
  // and every attempt (retries too) keeps to its API's rate limit.
  const scheduler = fairScheduler(options.concurrency ?? DEFAULT_CONCURRENCY);
  const results: DriftResult[] = new Array(prepared.length);
  const findings: Finding[][] = new Array(prepared.length);
  let done = 0;
  let received = 0;
  await Promise.all(
    prepared.map(async ({ call, headers }, index) => {
      const outcome: CallOutcome = await callWithRetries(
        { method: call.request.method, url: call.url, headers, body: call.request.body, timeoutMs: call.timeoutMs, retries: call.retries },
        { schedule: (attempt) => scheduler.run(call.api.id, call.rateLimit?.intervalMs, attempt) },
      );
      // Checked as soon as it arrives; only the findings (with excerpts, redacted) and the
      // result are kept, the body is dropped with `outcome` when this function returns.
      const found = checkSafely(call, outcome, statusesOf[index]!, validatorOf(call), redact).map((f) => redactValue(f, redact));
      findings[index] = found;
      results[index] = redactValue(
        {
          api: call.api.slug,
          endpoint: call.endpoint.slug,
          method: call.request.method,
          path: call.request.path,
          ...(outcome.kind === 'response' ? { status: outcome.status } : {}),
          latencyMs: outcome.latencyMs,
          attempts: outcome.attempts,
          verdict: verdictOf(outcome, found),
          findings: found.length,
        },
        redact,
      );
      options.onProgress?.(++done, prepared.length);
      if (outcome.kind === 'response' && (received += outcome.bodyText.length) > COLLECT_EVERY) {
        received = 0;
        collectGarbage();
      }
    }),
  );
  return {
    results,
    findings: [...compileProblems.map((f) => redactValue(f, redact)), ...findings.flat()],
    unbound,
  };
}
