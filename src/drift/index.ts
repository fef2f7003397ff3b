export { runDriftChecks, DEFAULT_CONCURRENCY, type DriftOptions, type DriftRun } from './drift.ts';
export { planDrift, parseShard, parseRateLimit, shardOf, type DriftCall, type RateLimit, type Shard } from './plan.ts';
export { callWithRetries, retryAfter, type CallOutcome, type CallRequest } from './call.ts';
export type { DriftResult, DriftVerdict } from './check.ts';
export { DRIFT_RULES } from './rules/index.ts';
