import pLimit from 'p-limit';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { contentHash } from '../util/hash.ts';
import { safeJoin } from './paths.ts';

/** Writes in flight at once: enough to keep the disk busy, few enough to bound memory. */
const WRITES_IN_FLIGHT = 16;

/**
 * Where a build puts what it renders. Each file is handed to the I/O threads as soon as it is
 * rendered (atomically: temp file + rename), so writing overlaps reading, normalising and type
 * generation instead of following them, and the tree is never held in memory whole; `settle()`
 * waits for them. With `check` nothing is written and only content hashes are kept.
 */
export class GeneratedOutput {
  /** Content hash of every file rendered in this run, by path relative to the output folder. */
  readonly hashes = new Map<string, string>();
  /** Paths written (or, with `check`, that would be written), in order. */
  readonly written: string[] = [];
  private readonly limit = pLimit(WRITES_IN_FLIGHT);
  private readonly pending: Array<Promise<void>> = [];
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
    const target = safeJoin(this.out, path);
    this.pending.push(
      this.limit(async () => {
        await writeFileAtomic(target, content, { durable: false });
        if (++this.writes === this.crashAfter) process.kill(process.pid, 'SIGKILL');
      }),
    );
  }

  /** Waits until every file handed over so far is written (rejects with the first failure). */
  async settle(): Promise<void> {
    const pending = this.pending.splice(0);
    await Promise.all(pending);
  }
}
