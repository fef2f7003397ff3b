import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from './hash.ts';

const SRC = fileURLToPath(new URL('../', import.meta.url));

/**
 * A hash of the source files a cached result depends on (paths relative to src/, folders taken
 * whole). A cache keyed by it is invalidated by any change to that code, so nobody has to
 * remember to bump a version when the normaliser or the validator changes.
 */
export function codeFingerprint(paths: readonly string[]): string {
  const parts: string[] = [];
  for (const path of paths) {
    const full = join(SRC, path);
    const files = path.endsWith('.ts') || path.endsWith('.js') ? [full] : readdirSync(full).filter((f) => /\.(ts|js)$/.test(f)).sort().map((f) => join(full, f));
    for (const file of files) parts.push(file.slice(SRC.length), readFileSync(file, 'utf8'));
  }
  return contentHash(parts.join('\u0000'));
}
