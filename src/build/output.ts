import { contentHash } from '../util/hash.ts';
import { stageFile } from './commit.ts';

/**
 * Where a build puts what it renders. Each file is written as soon as it is rendered, into the
 * staging folder that `commitStaged()` later moves into place (commit.ts), so the tree is never
 * held in memory whole and the output folder changes only at the commit. The writes are synchronous on
 * purpose: a full-size build writes ~32,000 small files, and through fs/promises each cost
 * ~140 µs of this thread's time (file handles, promises, thread-pool hops) against ~20 µs for a
 * synchronous write, so the thread that feeds the type-generation workers stays free.
 * With `check` nothing is written and only content hashes are kept.
 */
export class GeneratedOutput {
  /** Content hash of every file rendered in this run, by path relative to the output folder. */
  readonly hashes = new Map<string, string>();
  /** Paths written (or, with `check`, that would be written), in order. */
  readonly written: string[] = [];

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
    stageFile(this.out, path, content);
  }
}
