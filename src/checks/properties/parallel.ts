import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Finding } from '../../findings/types.ts';
import { checkProperties, type PropertyTarget } from './check.ts';
import { checkResponseTarget, type ResponseTarget, type TargetOutcome } from './response-check.ts';
import type { WorkerJob } from './worker-task.ts';
import { moduleUrl } from '../../util/module-url.ts';

export interface PropertyRunOptions {
  numRuns?: number;
  seed?: number;
  /** Worker threads (default: one per core; fewer than 2 runs in this thread). */
  workers?: number;
  /** Fewer targets than this run in this thread: a worker costs ~0.5–1 s to start (the bundled 98 ran 0.8 s slower in two). */
  threshold?: number;
  /** Heap limit of each worker (default 1024 MB): a target that needs more is reported, not fatal. */
  workerHeapMb?: number;
  /** Called after each batch with the number of targets done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Targets per worker message: small enough to balance the load, large enough to amortise a message. */
const BATCH = 8;

/**
 * The response property checks (response-check.ts) of many targets, over worker threads. Targets
 * are independent (each runs with a seed of its own), so outcomes equal one thread's, in order.
 * A worker that dies (heap limit, a crash in native code) is replaced by the pool; its batch is
 * retried one target at a time, and a target that kills a worker on its own becomes an
 * `unsupported` outcome naming the limit: a big catalogue is never a crash.
 */
export async function checkResponsesInWorkers(targets: readonly ResponseTarget[], options: PropertyRunOptions = {}): Promise<TargetOutcome[]> {
  const settings = { numRuns: options.numRuns ?? 100, seed: options.seed ?? 0 };
  return runBatches(
    targets,
    options,
    (batch) => batch.map((target) => checkResponseTarget(target, settings)),
    (batch) => ({ kind: 'responses', targets: batch, ...settings }),
    (_target, reason) => ({ runs: 0, seed: 0, blind: [], contracts: _target.matchers.map(() => ({ blindSpots: [] })), failure: { kind: 'unsupported', reason, pointer: '' } }),
  );
}

/**
 * The generator self-check (check.ts: generated bodies validate, mutated ones do not) over worker
 * threads; opt-in (`validate --self-check`), since it tests apiconform's generator, not the API.
 */
export async function checkPropertiesInWorkers(targets: readonly PropertyTarget[], options: PropertyRunOptions = {}): Promise<Finding[]> {
  const settings = { numRuns: options.numRuns ?? 100, seed: options.seed ?? 0 };
  const results = await runBatches(
    targets,
    options,
    (batch) => [checkProperties(batch, settings)],
    (batch) => ({ kind: 'self-check', targets: batch, ...settings }),
    (target, reason): Finding[] => [
      {
        ruleId: 'property/unsupported',
        severity: 'info',
        api: target.api,
        endpoint: target.endpoint,
        status: target.status,
        pointer: target.pointer,
        message: `${target.api} ${target.endpoint} ${target.status}: property checks skipped: ${reason}`,
        ...(target.source ? { source: target.source } : {}),
      },
    ],
  );
  return results.flat();
}

/**
 * Runs `inline` here for few targets, else sends batches to a Piscina pool. Results come back in
 * the targets' order (one per target, or one per batch for the self-check's findings).
 */
async function runBatches<T, R>(
  targets: readonly T[],
  options: PropertyRunOptions,
  inline: (batch: T[]) => R[],
  job: (batch: T[]) => WorkerJob,
  failed: (target: T, reason: string) => R,
): Promise<R[]> {
  const workers = options.workers ?? availableParallelism();
  if (workers < 2 || targets.length < (options.threshold ?? 300)) {
    const out = inline([...targets]);
    options.onProgress?.(targets.length, targets.length);
    return out;
  }
  const heapMb = options.workerHeapMb ?? 1024;
  const pool = new Piscina({
    filename: new URL('../../util/ts-task.js', import.meta.url).href,
    workerData: { module: moduleUrl('./worker-task.ts', import.meta.url).href },
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1_000,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  let done = 0;
  const run = async (batch: T[]): Promise<R[]> => {
    try {
      return (await pool.run(job(batch))) as R[];
    } catch (error) {
      if (batch.length === 1) return [failed(batch[0]!, `the check stopped its worker thread (${(error as Error).message}; heap limit ${heapMb} MB)`)];
      // retried one target at a time, so that one schema too big to check costs only itself
      const parts = await Promise.all(batch.map((target) => run([target])));
      return parts.flat();
    }
  };
  try {
    const batches: T[][] = [];
    for (let i = 0; i < targets.length; i += BATCH) batches.push(targets.slice(i, i + BATCH));
    const results = await Promise.all(
      batches.map(async (batch) => {
        const out = await run(batch);
        done += batch.length;
        options.onProgress?.(done, targets.length);
        return out;
      }),
    );
    return results.flat();
  } finally {
    await pool.destroy();
  }
}
