import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { build, readManifest } from '../../src/build/index.ts';
import { BUNDLED_CATALOGUE, ROOT, readTree, removeDir, runCli, tempDir } from '../helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => removeDir(dir));

/** The bundled CSV with one row's body and schema changed (a new property). */
async function catalogueWithOneRowChanged(path: string, rowIndex = 0): Promise<string> {
  const rows = parse(await readFile(BUNDLED_CATALOGUE, 'utf8')) as string[][];
  const header = rows[0]!;
  const row = rows[rowIndex + 1]!;
  const body = JSON.parse(row[header.indexOf('response_json')]!);
  const schema = JSON.parse(row[header.indexOf('response_json_schema')]!);
  body.added_in_test = 'yes';
  schema.properties = { ...schema.properties, added_in_test: { type: 'string' } };
  row[header.indexOf('response_json')] = JSON.stringify(body);
  row[header.indexOf('response_json_schema')] = JSON.stringify(schema);
  await writeFile(path, stringify(rows, { record_delimiter: 'unix' }));
  return row[0]!;
}

describe('build on the bundled catalogue', () => {
  it('writes 76 endpoints with 98 endpoint×status bodies, identical to the committed generated/', async () => {
    const out = join(dir, 'a');
    const result = await build({ catalogue: BUNDLED_CATALOGUE, out, root: ROOT });
    expect(result.regenerated).toBe(76);
    const manifest = (await readManifest(out))!;
    const endpoints = manifest.apis.flatMap((api) => api.endpoints);
    expect(manifest.apis).toHaveLength(16);
    expect(endpoints).toHaveLength(76);
    expect(endpoints.reduce((n, e) => n + e.statuses.length, 0)).toBe(98);
    expect(await readTree(out)).toEqual(await readTree(join(ROOT, 'generated')));
  });

  it('typing in worker threads from the first rows gives the same tree, even when rows of an endpoint are scattered', async () => {
    // workers: 2 takes the large-catalogue path: a pool that types each endpoint as the reader leaves it
    const pooled = join(dir, 'pooled');
    await build({ catalogue: BUNDLED_CATALOGUE, out: pooled, root: ROOT, workers: 2 });
    expect(await readTree(pooled)).toEqual(await readTree(join(ROOT, 'generated')));

    // rows interleaved: every endpoint is left and met again, so some early guesses are wrong
    const rows = parse(await readFile(BUNDLED_CATALOGUE, 'utf8')) as string[][];
    const body = rows.slice(1);
    const interleaved = [rows[0]!, ...body.filter((_, i) => i % 2 === 0), ...body.filter((_, i) => i % 2 === 1)];
    const catalogue = join(dir, 'interleaved.csv');
    await writeFile(catalogue, stringify(interleaved, { record_delimiter: 'unix' }));
    const [inThread, inWorkers] = [join(dir, 'interleaved-0'), join(dir, 'interleaved-2')];
    await build({ catalogue, out: inThread, root: ROOT, workers: 0 });
    await build({ catalogue, out: inWorkers, root: ROOT, workers: 2 });
    expect(await readTree(inWorkers)).toEqual(await readTree(inThread));
  });

  it('is deterministic: two clean builds give byte-identical trees', async () => {
    const [a, b] = [join(dir, 'det-a'), join(dir, 'det-b')];
    await build({ catalogue: BUNDLED_CATALOGUE, out: a, root: ROOT });
    await build({ catalogue: BUNDLED_CATALOGUE, out: b, root: ROOT, force: true });
    expect(await readTree(a)).toEqual(await readTree(b));
  });

  it('a second build of an unchanged catalogue is a no-op that rewrites nothing', async () => {
    const out = join(dir, 'noop');
    await build({ catalogue: BUNDLED_CATALOGUE, out, root: ROOT });
    const before = (await stat(join(out, 'manifest.json'))).mtimeMs;
    const again = await build({ catalogue: BUNDLED_CATALOGUE, out, root: ROOT });
    expect(again.noOp).toBe(true);
    expect(again.written).toEqual([]);
    expect((await stat(join(out, 'manifest.json'))).mtimeMs).toBe(before);
  });

  it('a one-row change regenerates only that endpoint (its schema and types, plus manifest)', async () => {
    const out = join(dir, 'incr');
    const catalogue = join(dir, 'changed.csv');
    await copyFile(BUNDLED_CATALOGUE, catalogue);
    await build({ catalogue, out, root: ROOT });
    const rowId = await catalogueWithOneRowChanged(catalogue);
    const result = await build({ catalogue, out, root: ROOT });
    expect(result.regenerated).toBe(1);
    expect(result.reused).toBe(75);
    const endpointId = rowId.split('/')[1];
    const manifest = (await readManifest(out))!;
    const endpoint = manifest.apis.flatMap((a) => a.endpoints).find((e) => e.id === endpointId)!;
    expect(result.written.sort()).toEqual([endpoint.files.schema, endpoint.files.types].sort());
    expect(await readFile(join(out, endpoint.files.types), 'utf8')).toContain('added_in_test?: string');
    // and the result equals a clean build of the changed catalogue
    const clean = join(dir, 'incr-clean');
    await build({ catalogue, out: clean, root: ROOT });
    expect(await readTree(out)).toEqual(await readTree(clean));
  });

  it('--check writes nothing and names exactly the stale files', async () => {
    const out = join(dir, 'check');
    const catalogue = join(dir, 'check.csv');
    await copyFile(BUNDLED_CATALOGUE, catalogue);
    await build({ catalogue, out, root: ROOT });
    expect((await build({ catalogue, out, root: ROOT, check: true })).written).toEqual([]);

    const manifest = (await readManifest(out))!;
    const victim = manifest.apis[0]!.endpoints[0]!.files.types;
    await writeFile(join(out, victim), '// edited by hand\n');
    const before = await readTree(out);
    const check = await build({ catalogue, out, root: ROOT, check: true });
    expect(check.written).toEqual([victim]);
    expect(await readTree(out)).toEqual(before);

    const cli = runCli(['build', catalogue, '--out', out, '--check']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(victim);
  });
});
