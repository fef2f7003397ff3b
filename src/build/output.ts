import { writeFileAtomicSync } from '../util/atomic-write.ts';
import { contentHash } from '../util/hash.ts';
import { safeJoin } from './paths.ts';

/**
 * Where a build puts what it renders. Each file is written as soon as it is rendered (atomically:
 * temp file + rename), so the tree is never held in memory whole. The writes are synchronous on
 * purpose: a full-size build writes ~32,000 small files, and through fs/promises each cost
 * ~140 µs of this thread's time (file handles, promises, thread-pool hops) against ~20 µs for a
 * synchronous write + rename, so the thread that feeds the type-generation workers stays free.
 * With `check` nothing is written and only content hashes are kept.
 */
export class GeneratedOutput {
  /** Content hash of every file rendered in this run, by path relative to the output folder. */
  readonly hashes = new Map<string, string>();
  /** Paths written (or, with `check`, that would be written), in order. */
  readonly written: string[] = [];
  private writes = 0;
  /** Test hook: the process kills itself after this many writes, to prove a killed build is safe. */
  private readonly crashAfter = Number(process.env.APICONFORM_TEST_CRASH_AFTER_WRITES ?? NaN);

  constructor(
    private readonly out: string,
    private readonly check: boolean,
  ) {}

  /** Renders `path`; it is written unless its content equals `previousHash` (what is on disk). */
  put(path: string, content: string, previousHash?: string): void {
    const hash = contentHash(content);
    this.hashes.set(path, hash);
    if (hash === previousHash) return;
    this.written.push(path);
    if (this.check) return;
    writeFileAtomicSync(safeJoin(this.out, path), content);
    if (++this.writes === this.crashAfter) process.kill(process.pid, 'SIGKILL');
  }
}
