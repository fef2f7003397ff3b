import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from './hash.ts';
import { MODULE_EXT } from './module-url.ts';

const SRC = fileURLToPath(new URL('../', import.meta.url));

/**
 * A hash of the source files a cached result depends on (paths relative to src/, folders taken
 * whole). A cache keyed by it is invalidated by any change to that code, so nobody has to
 * remember to bump a version when the normaliser or the validator changes. Paths name the sources
 * (`.ts`); running compiled, the `.js` files beside this one are hashed instead.
 */
export function codeFingerprint(paths: readonly string[]): string {
  const parts: string[] = [];
  for (const path of paths) {
    const full = join(SRC, MODULE_EXT === '.js' ? path.replace(/\.ts$/, '.js') : path);
    const files = /\.(ts|js)$/.test(path) ? [full] : readdirSync(full).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort().map((f) => join(full, f));
    for (const file of files) parts.push(file.slice(SRC.length), readFileSync(file, 'utf8'));
  }
  return contentHash(parts.join('\u0000'));
}
