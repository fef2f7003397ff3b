import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { StatusSchema, SchemaProblem } from '../schemas/index.ts';
import { typegenJob, type TypegenJob, type TypegenOutcome } from './typegen-task.ts';
import { moduleUrl } from '../util/module-url.ts';

const BATCH = 24;

interface Pending {
  job: TypegenJob;
  resolve: (outcome: TypegenOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Compiles each distinct body schema (by its JSON text) to TypeScript once per run, however many
 * endpoints share it. json-schema-to-typescript costs 1–3 ms per schema, so a full-size catalogue
 * (~17k distinct schemas) hands the work to a Piscina pool of worker threads, one per core, in
 * batches, while the main thread goes on reading, normalising and writing; small builds stay
 * in-process, where starting workers would cost more than it saves. A schema that cannot be typed
 * becomes `unknown` and is reported, never silently.
 */
export class TypeCompiler {
  private readonly cache = new Map<string, Promise<TypegenOutcome>>();
  private readonly pool?: Piscina;
  private queue: Pending[] = [];
  private readonly batches: Pending[][] = [];
  private inFlight = 0;
  private parallelism: number;

  constructor(options: { workers?: number } = {}) {
    const workers = options.workers ?? 0;
    this.parallelism = workers;
    if (workers > 0) {
      this.pool = new Piscina({
        filename: new URL('../util/ts-task.js', import.meta.url).href,
        workerData: { module: moduleUrl('./typegen-task.ts', import.meta.url).href },
        minThreads: workers,
        maxThreads: workers,
        idleTimeout: 1_000,
      });
    }
  }

  /** Worker count worth using for `schemas` compilations (0 = in-process). */
  static workersFor(schemas: number): number {
    return schemas >= 2_000 ? Math.max(1, availableParallelism()) : 0;
  }

  /** Starts (or reuses) the compilation of every status; resolves to status → declarations. */
  declarationsFor(statuses: readonly StatusSchema[], onProblem: (problem: SchemaProblem & { status: number }) => void): Promise<Map<number, string>> {
    return Promise.all(statuses.map((status) => this.compile(status))).then((outcomes) => {
      const result = new Map<number, string>();
      outcomes.forEach((outcome, index) => {
        const { status } = statuses[index]!;
        if (outcome.error) {
          onProblem({ ruleId: 'schema/invalid', pointer: '', status, message: `json-schema-to-typescript cannot type it (${outcome.error}); typed as unknown` });
        }
        result.set(status, outcome.text);
      });
      return result;
    });
  }

  /** Starts compiling a status schema that will probably be asked for (see typePrefetcher). */
  prefetch(status: StatusSchema): void {
    void this.compile(status).catch(() => undefined); // a failure reaches whoever asks for it later
  }

  /** Sends the jobs queued so far (call once everything has been asked for). */
  flush(): void {
    if (!this.pool || this.queue.length === 0) return;
    this.batches.push(this.queue);
    this.queue = [];
    this.pump();
  }

  /**
   * How many workers may be busy at once. While the main thread still has much of its own work
   * (reading the catalogue), keeping one core for it finishes sooner than sharing two cores
   * among three threads.
   */
  setParallelism(workers: number): void {
    this.parallelism = workers;
    this.pump();
  }

  private pump(): void {
    while (this.pool && this.inFlight < this.parallelism && this.batches.length > 0) {
      const batch = this.batches.shift()!;
      this.inFlight++;
      this.pool.run(batch.map((p) => p.job)).then(
        (outcomes: TypegenOutcome[]) => batch.forEach((p, i) => p.resolve(outcomes[i]!)),
        (error: unknown) => batch.forEach((p) => p.reject(error)),
      ).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }

  /**
   * Keyed by the schema's JSON text, not its canonical hash: two schemas equal up to key order
   * validate alike but type differently (members follow `properties` order), and each endpoint
   * must get its own order whichever endpoint asked first, or an incremental build would differ
   * from a clean one.
   */
  private compile(status: StatusSchema): Promise<TypegenOutcome> {
    const text = JSON.stringify(status.schema);
    let pending = this.cache.get(text);
    if (!pending) {
      const job = { schema: this.pool ? text : status.schema, hasRefs: status.hasRefs };
      if (this.pool) {
        pending = new Promise<TypegenOutcome>((resolve, reject) => this.queue.push({ job, resolve, reject }));
        if (this.queue.length >= BATCH) this.flush();
      } else {
        pending = typegenJob(job);
      }
      this.cache.set(text, pending);
    }
    return pending;
  }
}
