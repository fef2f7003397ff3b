import { describe, expect, it } from 'vitest';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KeyedCache } from '../../src/util/keyed-cache.ts';
import { ROOT, removeDir, tempDir } from '../helpers.ts';

/** A copy of the code (src/ and the lock file) whose fingerprint module is loaded from the copy. */
async function copyOfTheCode(dir: string) {
  await cp(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  await cp(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
  return (await import(pathToFileURL(join(dir, 'src/util/code-fingerprint.ts')).href)) as typeof import('../../src/util/code-fingerprint.ts');
}

describe('codeFingerprint', () => {
  it('changes when any source file changes, wherever it is (no list of folders), and so invalidates every cache keyed by it', async () => {
    const dir = await tempDir();
    try {
      const code = await copyOfTheCode(dir);
      const before = code.codeFingerprint();
      expect(code.codeFingerprint()).toBe(before); // computed once, stable

      const cache = join(dir, 'cache');
      const written = KeyedCache.open<string>(cache, 'results.json', `results ${before}`);
      written.set('key', 'a result');
      await written.save();
      expect(KeyedCache.open<string>(cache, 'results.json', `results ${before}`).get('key')).toBe('a result');

      // a helper in util/ that no cache ever listed by name
      const file = join(dir, 'src/util/json.ts');
      await writeFile(file, `${await readFile(file, 'utf8')}\n// an edit\n`);
      code.resetCodeFingerprint();
      const after = code.codeFingerprint();
      expect(after).not.toBe(before);
      expect(KeyedCache.open<string>(cache, 'results.json', `results ${after}`).get('key')).toBeUndefined();

      // the lock file pins the dependencies' code: a dependency upgrade is a code change too
      code.resetCodeFingerprint();
      await writeFile(join(dir, 'package-lock.json'), `${await readFile(join(dir, 'package-lock.json'), 'utf8')} `);
      expect(code.codeFingerprint()).not.toBe(after);
    } finally {
      await removeDir(dir);
    }
  });
});
