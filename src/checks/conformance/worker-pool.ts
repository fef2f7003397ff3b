import { Worker } from 'node:worker_threads';
import type { JsonSchema } from '../../schemas/types.ts';
import { ApiconformError } from '../../util/errors.ts';
import { moduleUrl } from '../../util/module-url.ts';
import type { CompileFailure, Verdict } from './types.ts';

export interface AjvJob {
  schema: JsonSchema;
  bodies: readonly unknown[];
}

export type AjvJobResult = Verdict[] | CompileFailure;

interface Pending {
  resolve: (result: AjvJobResult) => void;
  reject: (error: Error) => void;
}

const WORKER_URL = new URL('./ajv-worker.js', import.meta.url);
const RUNNER_URL = moduleUrl('./ajv-runner.ts', import.meta.url).href;

/**
 * A few worker threads running AjvRunner. Jobs are handed out one at a time to whichever worker
 * is free, so a worker stuck on a giant schema does not hold up the rest; results come back in
 * job order. Each worker's heap is capped: ajv's compile garbage is collected there, cheaply,
 * instead of in the main thread's heap of the whole catalogue.
 */
export class AjvWorkerPool {
  private readonly workers: Worker[] = [];

  constructor(private readonly size: number) {}

  async run(jobs: readonly AjvJob[]): Promise<AjvJobResult[]> {
    const results: AjvJobResult[] = new Array(jobs.length);
    let next = 0;
    const pending = new Map<number, Pending>();
    const start = (): Worker => {
      const worker = new Worker(WORKER_URL, { workerData: { runner: RUNNER_URL }, resourceLimits: { maxOldGenerationSizeMb: 768 } });
      worker.on('message', ({ id, result }: { id: number; result: AjvJobResult }) => {
        const waiting = pending.get(id);
        pending.delete(id);
        waiting?.resolve(result);
      });
      const fail = (error: Error) => {
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
      };
      worker.on('error', (error) => fail(new ApiconformError('internal', `ajv worker failed: ${error.message}`, {}, { cause: error })));
      worker.on('exit', (code) => {
        if (code !== 0) fail(new ApiconformError('internal', `ajv worker exited with code ${code}`));
      });
      return worker;
    };
    const feed = async (worker: Worker): Promise<void> => {
      while (next < jobs.length) {
        const id = next++;
        const job = jobs[id]!;
        results[id] = await new Promise<AjvJobResult>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, schema: job.schema, bodies: job.bodies });
        });
      }
    };
    for (let i = this.workers.length; i < Math.min(this.size, jobs.length); i++) this.workers.push(start());
    try {
      await Promise.all(this.workers.map(feed));
    } finally {
      await this.close();
    }
    return results;
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
