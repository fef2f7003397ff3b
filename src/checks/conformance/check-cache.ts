import type { Finding } from '../../findings/types.ts';
import { contentHash } from '../../util/hash.ts';
import { codeFingerprint } from '../../util/code-fingerprint.ts';
import { ENGINE_KEY } from './engine.ts';
import { KeyedCache } from '../../util/keyed-cache.ts';
import { NormalisedCache, NORMALISER_KEY } from './normalised-cache.ts';
import { VerdictCache } from './verdict-cache.ts';

/** Findings of one API, as computed (default severities; config grades them on the way out). */
export type ResultCache = KeyedCache<Finding[]>;

/** The code the checks' findings come from, by content (all of it: see codeFingerprint). */
const CHECKS_CODE = codeFingerprint();

export const CONFORMANCE_RESULTS_FILE = 'conformance-findings.json';
export const LINT_RESULTS_FILE = 'lint-findings.json';
const RESULTS_ENGINE = `findings-v1 ${CHECKS_CODE} ${NORMALISER_KEY} ${ENGINE_KEY}`;

/** The key of one API's findings under one set of options. */
export function resultKey(apiHash: string, options: unknown): string {
  return contentHash(`${apiHash}\u0000${JSON.stringify(options)}`);
}

/**
 * The caches of the checks, in one folder (`.cache/apiconform/` or `node_modules/.cache/apiconform/`):
 * - `lint` and `conformance`: each API's findings, by the hash of its rows (apiInputHash) — a warm
 *   run over an unchanged catalogue recomputes nothing, and a changed API is redone alone;
 * - `normalised`: normalised schemas by schema text, for the APIs that are redone;
 * - `verdicts`: ajv's verdicts by schema and body, so a redone API compiles only what changed.
 * Open before lint and validate, pass it to both, save after.
 */
export class CheckCache {
  private constructor(
    readonly normalised: NormalisedCache,
    readonly verdicts: VerdictCache,
    readonly conformance: ResultCache,
    readonly lint: ResultCache,
  ) {}

  /** The caches in `dir` (created on save); each file is read when first needed. */
  static open(dir: string): CheckCache {
    return new CheckCache(
      NormalisedCache.open(dir),
      VerdictCache.open(dir),
      KeyedCache.open<Finding[]>(dir, CONFORMANCE_RESULTS_FILE, RESULTS_ENGINE),
      KeyedCache.open<Finding[]>(dir, LINT_RESULTS_FILE, RESULTS_ENGINE),
    );
  }

  async save(): Promise<void> {
    await Promise.all([this.normalised.save(), this.verdicts.save(), this.conformance.save(), this.lint.save()]);
  }
}
