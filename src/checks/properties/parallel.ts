import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Finding } from '../../findings/types.ts';
import { checkProperties, type PropertyTarget } from './check.ts';
import { moduleUrl } from '../../util/module-url.ts';

export interface PropertyRunOptions {
  numRuns?: number;
  seed?: number;
  /** Worker threads (default: one per core; fewer than 2 runs in this thread). */
  workers?: number;
  /** Fewer targets than this run in this thread: a worker costs ~0.5–1 s to start (the bundled 98 ran 0.8 s slower in two). */
  threshold?: number;
}

/** Targets per worker message: small enough to balance the load, large enough to amortise a message. */
const BATCH = 8;

/**
 * checkProperties over worker threads. Targets are independent (each runs with its own seed, and
 * its findings do not depend on the others), so the findings are the same as in one thread, in
 * the same order; the property checks are CPU-bound generation and validation, and this thread
 * only waits meanwhile, so each core runs a worker.
 */
export async function checkPropertiesInWorkers(targets: readonly PropertyTarget[], options: PropertyRunOptions = {}): Promise<Finding[]> {
  const settings = { numRuns: options.numRuns ?? 100, seed: options.seed ?? 0 };
  const workers = options.workers ?? availableParallelism();
  if (workers < 2 || targets.length < (options.threshold ?? 300)) return checkProperties(targets, settings);
  const pool = new Piscina({
    filename: new URL('../../util/ts-task.js', import.meta.url).href,
    workerData: { module: moduleUrl('./worker-task.ts', import.meta.url).href },
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1_000,
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  try {
    const batches: PropertyTarget[][] = [];
    for (let i = 0; i < targets.length; i += BATCH) batches.push(targets.slice(i, i + BATCH));
    const results = await Promise.all(batches.map((batch) => pool.run({ targets: batch, ...settings }) as Promise<Finding[]>));
    return results.flat();
  } finally {
    await pool.destroy();
  }
}
