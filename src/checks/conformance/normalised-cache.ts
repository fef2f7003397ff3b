import type { NormalisedSchema } from '../../schemas/index.ts';
import { contentHash } from '../../util/hash.ts';
import { codeFingerprint } from '../../util/code-fingerprint.ts';
import { KeyedCache } from '../../util/keyed-cache.ts';

export const NORMALISED_CACHE_FILE = 'normalised.json';

/** The normaliser's output depends on its code and on the regex engine it checks patterns with. */
export const NORMALISER_KEY = `normalised-v1 ${codeFingerprint()}`;

/**
 * Normalised schemas from earlier runs, by the content hash of the schema text the catalogue
 * wrote. Normalising the ~18,000 distinct schemas of a full-size catalogue costs seconds; reading
 * them back costs a fraction of that. Tied to NORMALISER_KEY (a hash of the normaliser's code).
 */
export class NormalisedCache {
  private constructor(private readonly entries: KeyedCache<NormalisedSchema>) {}

  static open(dir: string): NormalisedCache {
    return new NormalisedCache(KeyedCache.open<NormalisedSchema>(dir, NORMALISED_CACHE_FILE, NORMALISER_KEY));
  }

  static inMemory(): NormalisedCache {
    return new NormalisedCache(KeyedCache.inMemory<NormalisedSchema>());
  }

  static key(schemaText: string): string {
    return contentHash(schemaText);
  }

  get(key: string): NormalisedSchema | undefined {
    return this.entries.get(key);
  }

  set(key: string, normalised: NormalisedSchema): void {
    this.entries.set(key, normalised);
  }

  save(): Promise<void> {
    return this.entries.save();
  }
}
