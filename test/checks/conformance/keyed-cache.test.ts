import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyedCache } from '../../../src/checks/conformance/index.ts';
import { removeDir, tempDir } from '../../helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => removeDir(dir));

const open = (engine = 'e1') => KeyedCache.open<number>(dir, 'c.json', engine);

describe('KeyedCache', () => {
  it('keeps what a run stored, for the same engine only', async () => {
    const first = open();
    first.set('a', 1);
    await first.save();
    expect(open().get('a')).toBe(1);
    expect(open('e2').get('a')).toBeUndefined();
  });

  it('does not rewrite the file when a run only read from it', async () => {
    const before = await stat(join(dir, 'c.json'));
    const cache = open();
    cache.get('a');
    await cache.save();
    expect((await stat(join(dir, 'c.json'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('drops an entry no run used for five changing runs, keeps the ones in use', async () => {
    const seed = KeyedCache.open<number>(dir, 'g.json', 'e1');
    seed.set('old', 1);
    seed.set('kept', 2);
    await seed.save();
    for (let run = 1; run <= 5; run++) {
      const cache = KeyedCache.open<number>(dir, 'g.json', 'e1');
      expect(cache.get('kept')).toBe(2);
      cache.set(`new${run}`, run);
      await cache.save();
      const after = KeyedCache.open<number>(dir, 'g.json', 'e1');
      expect(after.get('old'), `after run ${run}`).toBe(run < 5 ? 1 : undefined);
    }
  });

  it('treats a torn file as empty', async () => {
    const cache = open();
    cache.set('whole', 7);
    await cache.save();
    expect(open().get('whole')).toBe(7);
    const text = await readFile(join(dir, 'c.json'), 'utf8');
    await writeFile(join(dir, 'c.json'), text.slice(0, text.length - 3));
    expect(open().get('whole')).toBeUndefined();
  });
});
