import type { ValidateFunction } from 'ajv';
import pLimit from 'p-limit';
import pThrottle from 'p-throttle';
import { resolveHeaders, type Bindings } from '../contracts/index.ts';
import type { Finding } from '../findings/types.ts';
import type { CatalogueModel } from '../model/index.ts';
import { cachedNormaliser, statusSchema, type StatusSchema } from '../schemas/index.ts';
import { createAjv } from '../validators/index.ts';
import { redactor, redactValue } from '../util/secrets.ts';
import { callWithRetries, type CallOutcome } from './call.ts';
import { checkOutcome, verdictOf, type DriftResult } from './check.ts';
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
  const validators = new Map<string, ValidateFunction>();
  const compileProblems: Finding[] = [];
  const validatorOf = (call: DriftCall) => (status: StatusSchema): ValidateFunction => {
    let validate = validators.get(status.hash);
    if (!validate) {
      try {
        validate = ajv.compile(status.schema as object);
      } catch (error) {
        compileProblems.push({
          ruleId: 'schema/invalid',
          severity: 'error',
          api: call.api.slug,
          endpoint: call.endpoint.slug,
          status: status.status,
          message: `${call.api.name} › ${call.endpoint.name} › ${status.status}: ajv cannot compile the body schema (${(error as Error).message}), so live answers are checked for status and JSON only`,
        });
        validate = Object.assign(() => true, { errors: null }) as unknown as ValidateFunction;
      }
      validators.set(status.hash, validate);
    }
    return validate;
  };

  const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
  const throttles = new Map<string, <T>(task: () => Promise<T>) => Promise<T>>();
  const throttled = (call: DriftCall) => {
    if (!call.rateLimit) return <T>(task: () => Promise<T>) => task();
    let throttle = throttles.get(call.api.id);
    if (!throttle) {
      const limiter = pThrottle({ limit: call.rateLimit.limit, interval: call.rateLimit.intervalMs, strict: true });
      throttle = <T>(task: () => Promise<T>) => limiter(task)() as Promise<T>;
      throttles.set(call.api.id, throttle);
    }
    return throttle;
  };

  let done = 0;
  const outcomes = await Promise.all(
    prepared.map(({ call, headers }) =>
      limit(async () => {
        const outcome: CallOutcome = await throttled(call)(() =>
          callWithRetries({ method: call.request.method, url: call.url, headers, body: call.request.body, timeoutMs: call.timeoutMs, retries: call.retries }),
        );
        options.onProgress?.(++done, prepared.length);
        return { call, outcome };
      }),
    ),
  );

  const results: DriftResult[] = [];
  const findings: Finding[] = [];
  for (const { call, outcome } of outcomes) {
    // the status schemas only: the endpoint document (with its examples) is not needed here
    const statuses = new Map(call.endpoint.responses.map((response) => [response.status, statusSchema(response, normalise).status]));
    const found = checkOutcome(call, outcome, statuses, validatorOf(call));
    findings.push(...found);
    results.push({
      api: call.api.slug,
      endpoint: call.endpoint.slug,
      method: call.request.method,
      path: call.request.path,
      ...(outcome.kind === 'response' ? { status: outcome.status } : {}),
      latencyMs: outcome.latencyMs,
      attempts: outcome.attempts,
      verdict: verdictOf(outcome, found),
      findings: found.length,
    });
  }
  return {
    results: redactValue(results, redact),
    findings: [...compileProblems, ...findings].map((f) => redactValue(f, redact)),
    unbound,
  };
}
