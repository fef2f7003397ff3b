import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { build, readManifest } from '../../src/build/index.ts';
import { BUNDLED_CATALOGUE, ROOT, readTree, removeDir, tempDir } from '../helpers.ts';

/**
 * An incremental build that skips parsing unchanged endpoints must still produce exactly what a
 * clean build of the same catalogue produces, including when a change renames other endpoints.
 */
let dir: string;
let rows: string[][];
beforeAll(async () => {
  dir = await tempDir();
  rows = parse(await readFile(BUNDLED_CATALOGUE, 'utf8')) as string[][];
});
afterAll(async () => removeDir(dir));

const COLUMN = { id: 0, api_name: 1, endpoint_name: 4, response_json: 8, response_json_schema: 9 };

async function incrementalEqualsClean(name: string, edit: (rows: string[][]) => void) {
  const catalogue = join(dir, `${name}.csv`);
  const out = join(dir, `${name}-incremental`);
  await copyFile(BUNDLED_CATALOGUE, catalogue);
  await build({ catalogue, out, root: ROOT });
  const edited = structuredClone(rows);
  edit(edited);
  await writeFile(catalogue, stringify(edited, { record_delimiter: 'unix' }));
  const incremental = await build({ catalogue, out, root: ROOT });
  const clean = join(dir, `${name}-clean`);
  const full = await build({ catalogue, out: clean, root: ROOT });
  expect(await readTree(out)).toEqual(await readTree(clean));
  expect([...incremental.findings].sort((a, b) => a.message.localeCompare(b.message))).toEqual([...full.findings].sort((a, b) => a.message.localeCompare(b.message)));
  return incremental;
}

describe('incremental build (unchanged endpoints are not parsed)', () => {
  it('a one-row body change reads only that endpoint', async () => {
    const result = await incrementalEqualsClean('body', (r) => {
      r[1]![COLUMN.response_json] = JSON.stringify({ detail: [{ loc: ['x'], msg: 'm', type: 't', extra: 1 }] });
    });
    expect(result.regenerated).toBe(1);
    expect(result.model).toBeUndefined(); // the other 75 endpoints were never parsed
  });

  it('renaming an endpoint onto a sibling\'s name renames the sibling too', async () => {
    const first = rows[1]!;
    const sibling = rows.slice(2).find((r) => r[0]!.split('/')[0] === first[0]!.split('/')[0] && r[0]!.split('/')[1] !== first[0]!.split('/')[1])!;
    const result = await incrementalEqualsClean('clash', (r) => {
      for (const row of r.slice(1)) if (row[0]!.split('/')[1] === first[0]!.split('/')[1]) row[COLUMN.endpoint_name] = sibling[COLUMN.endpoint_name]!;
    });
    expect(result.removed.length).toBeGreaterThan(0);
    expect(result.written.some((p) => p.includes('-' + sibling[0]!.split('/')[1]!.slice(0, 8)))).toBe(true);
  });

  it('two endpoints whose schemas differ only in key order each keep their own member order', async () => {
    // typed once per distinct schema: keyed by canonical hash, whichever endpoint came first
    // would have given the other its member order, and only a clean build would show it
    const source = rows.slice(1).find((r) => Object.keys((JSON.parse(r[COLUMN.response_json_schema]!) as { properties?: object }).properties ?? {}).length >= 3)!;
    const schema = JSON.parse(source[COLUMN.response_json_schema]!) as { properties: Record<string, unknown> };
    const reversed = { ...schema, properties: Object.fromEntries(Object.entries(schema.properties).reverse()) };
    const target = rows.slice(1).find((r) => r[0]!.split('/')[1] !== source[0]!.split('/')[1])!;
    const result = await incrementalEqualsClean('key-order', (r) => {
      r.find((row) => row[0] === target[0])![COLUMN.response_json_schema] = JSON.stringify(reversed);
    });
    expect(result.regenerated).toBe(1);
    const types = await readFile(join(dir, 'key-order-clean', result.written.find((p) => p.startsWith('types/') && !p.endsWith('index.ts'))!), 'utf8');
    const block = types.slice(types.indexOf(`Response${target[6]} {`)).split('\n}')[0]!;
    expect([...block.matchAll(/^ {2}"?([\w-]+)"?\??:/gm)].map((m) => m[1])).toEqual(Object.keys(reversed.properties));
  });

  it("changing an API's name (in its first row) regenerates every endpoint of that API", async () => {
    const apiId = rows[1]![0]!.split('/')[0]!;
    const endpointsOfApi = new Set(rows.slice(1).filter((r) => r[0]!.startsWith(apiId)).map((r) => r[0]!.split('/')[1]));
    const result = await incrementalEqualsClean('api-rename', (r) => {
      r[1]![COLUMN.api_name] = 'D7 Messaging';
    });
    expect(result.regenerated).toBe(endpointsOfApi.size);
  });

  it('a bad row stays reported on later builds, whether they skip it or not', async () => {
    const catalogue = join(dir, 'bad.csv');
    const out = join(dir, 'bad-out');
    const edited = structuredClone(rows);
    edited[5]![COLUMN.response_json] = '{"truncated": ';
    await writeFile(catalogue, stringify(edited, { record_delimiter: 'unix' }));
    const first = await build({ catalogue, out, root: ROOT });
    const invalid = (findings: typeof first.findings) => findings.filter((f) => f.ruleId === 'catalogue/invalid-row').map((f) => f.message);
    expect(invalid(first.findings)).toHaveLength(1);
    expect(invalid((await build({ catalogue, out, root: ROOT })).findings)).toEqual(invalid(first.findings)); // no-op
    edited[50]![COLUMN.response_json] = JSON.stringify({ changed: true });
    await writeFile(catalogue, stringify(edited, { record_delimiter: 'unix' }));
    const partial = await build({ catalogue, out, root: ROOT });
    expect(partial.model).toBeUndefined();
    expect(invalid(partial.findings)).toEqual(invalid(first.findings));
    expect((await readManifest(out))!.source.invalidRows).toBe(1);
  });
});
