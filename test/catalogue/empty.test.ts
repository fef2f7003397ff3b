import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readCatalogue } from '../../src/catalogue/index.ts';
import { parquetBuffer } from '../../scripts/synthetic/write-catalogue.ts';
import { removeDir, runCli, tempDir } from '../helpers.ts';
import { FIXTURES, HEADER, inputErrorOf, writeFixture } from './helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('apiconform-empty-');
});
afterAll(async () => removeDir(dir));

/** A catalogue without rows, in each format: 0 bytes, and the format's own "nothing" (header only, [], 0 rows). */
const EMPTY: Array<[string, string | Uint8Array]> = [
  ['zero.csv', ''],
  ['zero.jsonl', ''],
  ['zero.ndjson', ''],
  ['zero.json', ''],
  ['zero.parquet', ''],
  ['header-only.csv', `${HEADER.join(',')}\n`],
  ['blank-lines.jsonl', '\n\n  \n'],
  ['empty-array.json', '[]\n'],
  ['whitespace.json', ' \n'],
  ['no-rows.parquet', new Uint8Array(parquetBuffer([]))],
];

describe('a catalogue without rows', () => {
  it.each(EMPTY)('%s is an input error "empty catalogue" naming the file', async (name, content) => {
    const file = await writeFixture(dir, name, content);
    const error = await inputErrorOf(readCatalogue(file));
    expect(error.message).toMatch(/^empty catalogue: /);
    expect(error.context.file).toBe(file);
  });

  it('is exit 2 for build and for either side of diff, naming the file (not "every endpoint removed")', async () => {
    const sample = join(FIXTURES, 'sample.csv');
    const jsonl = await writeFixture(dir, 'new.jsonl', '');
    const csv = await writeFixture(dir, 'old.csv', `${HEADER.join(',')}\n`);
    const reports = join(dir, 'reports');
    for (const args of [['diff', sample, jsonl, '--out', reports], ['diff', csv, sample, '--out', reports], ['build', csv, '--out', join(dir, 'out')]]) {
      const run = runCli(args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(/empty catalogue/);
      expect(run.stderr).toContain(args.includes(jsonl) ? 'new.jsonl' : 'old.csv');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
