import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

interface CacheFile<T> {
  engine: string;
  /** Counts the runs that changed the file. */
  generation: number;
  entries: Record<string, T>;
  /** The generation that last used each entry. */
  used: Record<string, number>;
}

/** Where apiconform keeps caches that only make later runs faster (never needed for correctness), under the project root. */
export const CACHE_DIR = 'node_modules/.cache/apiconform';

/** An entry no run has used in this many changing runs is dropped. */
const KEEP_GENERATIONS = 5;

/**
 * A JSON file of results by content key, tied to an engine key that names everything else the
 * results depend on (the code that made them, by content, and library versions). A file written by
 * another engine, torn by a crash or edited by hand is ignored: it only costs a cold run. It is
 * rewritten (atomically) only by a run that added something; entries no run has used for
 * KEEP_GENERATIONS such runs are dropped, so the file follows the catalogue without growing forever
 * — and entries a run did not need (an unchanged API's, when its findings came from a cache) stay.
 */
export class KeyedCache<T> {
  private loaded: { entries: Map<string, T>; lastUsed: Map<string, number>; generation: number } | undefined;
  private changed = false;

  /** Nothing is read until the first `get` or `set`: a run that needs no entry pays nothing. */
  private constructor(
    private readonly file: string | undefined,
    private readonly engine: string,
  ) {}

  static open<T>(dir: string, name: string, engine: string): KeyedCache<T> {
    return new KeyedCache<T>(join(dir, name), engine);
  }

  static inMemory<T>(): KeyedCache<T> {
    return new KeyedCache<T>(undefined, '');
  }

  get(key: string): T | undefined {
    const state = this.state();
    const entry = state.entries.get(key);
    if (entry !== undefined) state.lastUsed.set(key, state.generation);
    return entry;
  }

  set(key: string, value: T): void {
    const state = this.state();
    state.entries.set(key, value);
    state.lastUsed.set(key, state.generation);
    this.changed = true;
  }

  async save(): Promise<void> {
    if (!this.file || !this.changed || !this.loaded) return;
    const { entries, lastUsed, generation } = this.loaded;
    const keep = [...entries.keys()].filter((key) => (lastUsed.get(key) ?? 0) > generation - KEEP_GENERATIONS).sort();
    const file: CacheFile<T> = {
      engine: this.engine,
      generation,
      entries: Object.fromEntries(keep.map((key) => [key, entries.get(key)!])),
      used: Object.fromEntries(keep.map((key) => [key, lastUsed.get(key)!])),
    };
    await writeFileAtomic(this.file, JSON.stringify(file));
  }

  private state(): NonNullable<KeyedCache<T>['loaded']> {
    if (!this.loaded) {
      const previous = this.file ? this.read(this.file) : undefined;
      this.loaded = {
        entries: new Map(previous ? Object.entries(previous.entries) : []),
        lastUsed: new Map(previous ? Object.entries(previous.used) : []),
        generation: (previous?.generation ?? 0) + 1,
      };
    }
    return this.loaded;
  }

  private read(file: string): CacheFile<T> | undefined {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let parsed: CacheFile<T> | undefined;
    try {
      parsed = JSON.parse(text) as CacheFile<T>;
    } catch {
      return undefined; // torn or hand-edited: start over
    }
    const valid =
      parsed?.engine === this.engine &&
      Number.isInteger(parsed.generation) &&
      parsed.entries !== null &&
      typeof parsed.entries === 'object' &&
      parsed.used !== null &&
      typeof parsed.used === 'object';
    return valid ? parsed : undefined;
  }
}
