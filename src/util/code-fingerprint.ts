import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from './hash.ts';

/** The folder of the code that runs: `src/` in this repository (a compiled package: its own root). */
const CODE_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What pins the dependencies' code: the lock file when there is one, else the manifest. */
const DEPENDENCY_PINS = ['package-lock.json', 'package.json'].map((name) => fileURLToPath(new URL(`../../${name}`, import.meta.url)));

let memo: string | undefined;

/**
 * A hash of all the code that can change a result: every source file under the code root
 * (whatever folder it is in) and the dependency lock file. Every cache key includes it, so no
 * cache can outlive a change to the code that made its entries, and nobody has to keep a list
 * of which folders a result depends on. Computed once per process (~200 files, a few ms).
 */
export function codeFingerprint(): string {
  if (memo !== undefined) return memo;
  const parts: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|js|mjs|cjs|json)$/.test(entry.name)) parts.push(full.slice(CODE_ROOT.length), readFileSync(full, 'utf8'));
    }
  };
  visit(CODE_ROOT);
  const pins = DEPENDENCY_PINS.find((file) => existsSync(file));
  if (pins) parts.push('(dependencies)', readFileSync(pins, 'utf8'));
  memo = contentHash(parts.join('\u0000'));
  return memo;
}

/** Forget the memoised fingerprint (tests that edit the code in place). */
export function resetCodeFingerprint(): void {
  memo = undefined;
}
