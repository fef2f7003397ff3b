import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { StatusSchema, SchemaProblem } from '../schemas/index.ts';
import typegenTask, { type TypegenOutcome } from './typegen-task.ts';

/**
 * Compiles each distinct body schema (by content hash) to TypeScript once per run, however many
 * endpoints share it. json-schema-to-typescript costs ~1 ms per schema, so a full-size catalogue
 * (~19k distinct schemas) hands the work to a Piscina pool of worker threads, one per core, while
 * the main thread goes on reading and normalising; small builds stay in-process, where starting
 * workers would cost more than it saves. A schema that cannot be typed becomes `unknown` and is
 * reported, never silently.
 */
export class TypeCompiler {
  private readonly cache = new Map<string, Promise<TypegenOutcome>>();
  private readonly pool?: Piscina;

  constructor(options: { workers?: number } = {}) {
    const workers = options.workers ?? 0;
    if (workers > 0) {
      this.pool = new Piscina({
        filename: new URL('./typegen-worker.js', import.meta.url).href,
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

  async close(): Promise<void> {
    await this.pool?.destroy();
  }

  private compile(status: StatusSchema): Promise<TypegenOutcome> {
    let pending = this.cache.get(status.hash);
    if (!pending) {
      const job = { schema: status.schema, hasRefs: status.hasRefs };
      pending = this.pool ? (this.pool.run(job) as Promise<TypegenOutcome>) : typegenTask(job);
      this.cache.set(status.hash, pending);
    }
    return pending;
  }
}
