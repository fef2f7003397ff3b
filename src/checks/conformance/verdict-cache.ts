import { contentHash } from '../../util/hash.ts';
import { ENGINE_KEY } from './engine.ts';
import { KeyedCache } from '../../util/keyed-cache.ts';
import type { AjvError, CompileFailure, Verdict } from './types.ts';

type Entry = 1 | AjvError[] | CompileFailure;

export const VERDICT_CACHE_FILE = 'verdicts.json';

/**
 * ajv's verdicts from earlier runs, by content: a verdict's key is the status schema's content
 * hash and the body's JSON text, and the file is tied to ENGINE_KEY (the deciding code, ajv,
 * ajv-formats and re2js versions, the ajv options), so a verdict is reused only when nothing it
 * depends on has changed — a warm run compiles and validates nothing. Whether a schema compiles
 * is kept too (`compile:<hash>`), for lint's `schema/invalid`.
 */
export class VerdictCache {
  private constructor(private readonly entries: KeyedCache<Entry>) {}

  static open(dir: string): VerdictCache {
    return new VerdictCache(KeyedCache.open<Entry>(dir, VERDICT_CACHE_FILE, ENGINE_KEY));
  }

  static inMemory(): VerdictCache {
    return new VerdictCache(KeyedCache.inMemory<Entry>());
  }

  /** The key of a verdict: the schema's content hash and the body's JSON text. */
  static verdictKey(schemaHash: string, bodyText: string): string {
    return contentHash(`${schemaHash}\u0000${bodyText}`);
  }

  verdict(key: string): Verdict | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || !(entry === 1 || Array.isArray(entry))) return undefined;
    return entry === 1 ? { valid: true } : { valid: false, errors: entry };
  }

  compileFailure(schemaHash: string): CompileFailure | undefined {
    const entry = this.entries.get(compileKey(schemaHash));
    return entry !== undefined && entry !== 1 && !Array.isArray(entry) ? entry : undefined;
  }

  /** Whether this schema is known to compile (a cached "ok", not a failure). */
  compiles(schemaHash: string): boolean {
    return this.entries.get(compileKey(schemaHash)) === 1;
  }

  setVerdict(key: string, verdict: Verdict): void {
    this.entries.set(key, verdict.valid ? 1 : verdict.errors);
  }

  setCompileOutcome(schemaHash: string, failure: CompileFailure | undefined): void {
    this.entries.set(compileKey(schemaHash), failure ?? 1);
  }

  save(): Promise<void> {
    return this.entries.save();
  }
}

const compileKey = (schemaHash: string) => `compile:${schemaHash}`;
