import { availableParallelism } from 'node:os';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../../schemas/types.ts';
import { AjvRunner } from './ajv-runner.ts';
import { createConformanceAjv } from './engine.ts';
import { OneShotValidator, UndecidedError } from './one-shot.ts';
import type { CompileFailure, CompileOutcome, Verdict } from './types.ts';
import { VerdictCache } from './verdict-cache.ts';
import { AjvWorkerPool, type AjvJob } from './worker-pool.ts';

/** One distinct status schema and every body documented under it. */
export interface SchemaJob {
  hash: string;
  schema: JsonSchema;
  bodies: readonly unknown[];
  /** The bodies' JSON as the catalogue wrote it: the verdict cache key (JSON.stringify by default). */
  texts?: readonly string[];
}

export interface SchemaCompilerOptions {
  /** Verdicts of earlier runs; an in-memory cache when absent. */
  cache?: VerdictCache;
  /** `false` sends every body to ajv (for measuring, and for anyone who wants to be sure). */
  oneShot?: boolean;
  /** Worker threads for ajv (default: one per core); 0 keeps everything in this thread. */
  workers?: number;
  /** Fewer schemas than this for ajv are compiled in this thread: a worker costs ~0.5 s to start. */
  workerThreshold?: number;
}

/**
 * Decides every (schema, body) pair the way ajv does, compiling each distinct schema at most
 * once and only when it must:
 * 1. a verdict cached by an earlier run (same schema hash, same body text, same engine) is reused;
 * 2. the one-shot validator decides "valid" without compiling, for schemas it models;
 * 3. everything else — bodies the one-shot validator rejects, schemas it does not model — goes to
 *    ajv, in worker threads when there is enough of it, and ajv's verdict (with its errors) is the
 *    result. So each verdict is exactly ajv's.
 */
export class SchemaCompiler {
  /** The instance whose options and formats define the verdicts (it compiles nothing itself). */
  readonly ajv: Ajv2020 = createConformanceAjv();
  readonly oneShot: OneShotValidator = new OneShotValidator(this.ajv);
  /** Counters for the bench and tests: where each verdict came from. */
  readonly stats = { compiled: 0, cached: 0, oneShotValid: 0, ajvValidated: 0 };
  private readonly runner = new AjvRunner();
  private readonly cache: VerdictCache;
  private readonly compileOutcomes = new Map<string, CompileOutcome>();
  private readonly options: Required<Omit<SchemaCompilerOptions, 'cache'>>;

  constructor(options: SchemaCompilerOptions = {}) {
    this.cache = options.cache ?? VerdictCache.inMemory();
    this.options = {
      oneShot: options.oneShot ?? true,
      workers: options.workers ?? availableParallelism(),
      workerThreshold: options.workerThreshold ?? 64,
    };
  }

  /**
   * Whether ajv compiles the schema. A schema the one-shot validator models is one ajv compiles
   * (that is part of what `interpretable` checks), so only the others are compiled to find out.
   */
  compileOutcome(hash: string, schema: JsonSchema): CompileOutcome {
    let outcome = this.compileOutcomes.get(hash); // decided earlier in this run (by `decide`, say)
    if (outcome) return outcome;
    if (this.oneShot.interpretable(schema)) outcome = { ok: true };
    else {
      const cached = this.cache.compileFailure(hash);
      if (cached) outcome = { ok: false, error: cached.compileError };
      else if (this.cache.compiles(hash)) outcome = { ok: true };
      else {
        const error = this.runner.compileError(schema);
        this.stats.compiled++;
        outcome = error === undefined ? { ok: true } : { ok: false, error };
        this.cache.setCompileOutcome(hash, error === undefined ? undefined : { compileError: error });
      }
    }
    this.compileOutcomes.set(hash, outcome);
    return outcome;
  }

  /** ajv's verdict on each body of each job (in order), or why a job has none. */
  async decide(jobs: readonly SchemaJob[]): Promise<Array<Verdict[] | CompileFailure>> {
    const results: Array<Verdict[] | CompileFailure | undefined> = new Array(jobs.length);
    const verdicts: Array<Array<Verdict | undefined>> = [];
    const keys: string[][] = [];
    const forAjv: Array<{ job: number; indices: number[] }> = [];

    jobs.forEach((job, j) => {
      const failure = this.cache.compileFailure(job.hash);
      if (failure) {
        results[j] = failure;
        this.compileOutcomes.set(job.hash, { ok: false, error: failure.compileError });
        return;
      }
      keys[j] = job.bodies.map((body, i) => VerdictCache.verdictKey(job.hash, job.texts?.[i] ?? JSON.stringify(body)));
      verdicts[j] = keys[j]!.map((key) => this.cache.verdict(key));
      const interpretable = this.options.oneShot && this.oneShot.interpretable(job.schema);
      const indices: number[] = [];
      job.bodies.forEach((body, i) => {
        if (verdicts[j]![i]) {
          this.stats.cached++;
        } else if (interpretable && this.oneShotValid(job.schema, body)) {
          verdicts[j]![i] = { valid: true };
          this.stats.oneShotValid++;
        } else {
          indices.push(i);
        }
      });
      if (indices.length > 0) forAjv.push({ job: j, indices });
    });

    const ajvJobs: AjvJob[] = forAjv.map(({ job, indices }) => ({ schema: jobs[job]!.schema, bodies: indices.map((i) => jobs[job]!.bodies[i]) }));
    const ajvResults = await this.runAjv(ajvJobs);
    forAjv.forEach(({ job, indices }, k) => {
      const outcome = ajvResults[k]!;
      const { hash } = jobs[job]!;
      if ('compileError' in outcome) {
        results[job] = outcome;
        this.cache.setCompileOutcome(hash, outcome);
        this.compileOutcomes.set(hash, { ok: false, error: outcome.compileError });
        return;
      }
      this.compileOutcomes.set(hash, { ok: true });
      indices.forEach((i, n) => (verdicts[job]![i] = outcome[n]!));
      this.stats.ajvValidated += indices.length;
    });

    jobs.forEach((job, j) => {
      if (results[j]) return;
      keys[j]!.forEach((key, i) => this.cache.setVerdict(key, verdicts[j]![i]!));
      results[j] = verdicts[j] as Verdict[];
      // verdicts exist, so ajv compiles it (or the one-shot validator vouched for that, earlier or now)
      this.compileOutcomes.set(job.hash, { ok: true });
    });
    return results as Array<Verdict[] | CompileFailure>;
  }

  private async runAjv(jobs: AjvJob[]): Promise<Array<Verdict[] | CompileFailure>> {
    this.stats.compiled += jobs.length;
    if (jobs.length < this.options.workerThreshold || this.options.workers < 1) return jobs.map((job) => this.runner.verdicts(job.schema, job.bodies));
    return new AjvWorkerPool(this.options.workers).run(jobs);
  }

  /** True only when the one-shot validator is sure the body is valid. */
  private oneShotValid(schema: JsonSchema, body: unknown): boolean {
    try {
      return this.oneShot.isValid(schema, body);
    } catch (error) {
      if (error instanceof UndecidedError) return false; // ajv decides
      throw error;
    }
  }
}
