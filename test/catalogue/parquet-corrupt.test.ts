import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readCatalogue, type CatalogueRow } from '../../src/catalogue/index.ts';
import { ApiconformError } from '../../src/util/errors.ts';
import { readSeed } from '../../scripts/synthetic/seed.ts';
import { parquetBuffer } from '../../scripts/synthetic/write-catalogue.ts';
import { removeDir, tempDir } from '../helpers.ts';
import { FIXTURES, withoutSource, writeFixture } from './helpers.ts';

/**
 * Deterministic corruptions of a Parquet catalogue (the sample's 8 rows in 4 row groups of 2,
 * snappy-compressed as the dataset is): never a crash. A file whose footer cannot be read is an
 * input error naming it; a row group that cannot be decoded is a bad row naming the group, and the
 * other groups' rows are read as they were.
 */
let dir: string;
let original: Uint8Array;
let rows: CatalogueRow[];
beforeAll(async () => {
  dir = await tempDir('apiconform-parquet-');
  const { records } = await readSeed(join(FIXTURES, 'sample.csv'));
  original = new Uint8Array(parquetBuffer(records, { rowGroupSize: 2 }));
  const file = await writeFixture(dir, 'original.parquet', original);
  ({ rows } = await readCatalogue(file));
  expect(rows).toHaveLength(8);
});
afterAll(async () => removeDir(dir));

type Outcome = { kind: 'input-error'; message: string; file?: string } | { kind: 'read'; rows: CatalogueRow[]; problems: Array<{ message: string; line: number }> };

async function outcomeOf(name: string, bytes: Uint8Array): Promise<Outcome> {
  const file = await writeFixture(dir, name, bytes);
  try {
    const result = await readCatalogue(file);
    return { kind: 'read', rows: result.rows, problems: result.problems.map((p) => ({ message: p.message, line: p.source.line })) };
  } catch (error) {
    // anything but an input error is the crash (exit 3) this guards against
    if (!(error instanceof ApiconformError) || error.kind !== 'input') throw error;
    expect(error.context.file).toBe(file);
    return { kind: 'input-error', message: error.message, file: error.context.file };
  }
}

const flipped = (at: number) => {
  const bytes = Uint8Array.from(original);
  bytes[at] = bytes[at]! ^ 0xff;
  return bytes;
};

describe('a corrupt Parquet catalogue', () => {
  it.each([
    ['cut in half', (b: Uint8Array) => b.subarray(0, b.length >> 1)],
    ['without its last byte', (b: Uint8Array) => b.subarray(0, b.length - 1)],
    ['without its footer', (b: Uint8Array) => b.subarray(0, b.length - 8)],
    ['with a footer length pointing before the file', (b: Uint8Array) => Object.assign(Uint8Array.from(b), { [b.length - 5]: 0x7f })],
  ])('%s is an input error naming the file', async (name, corrupt) => {
    const outcome = await outcomeOf(`${name.replace(/\W+/g, '-')}.parquet`, corrupt(original));
    expect(outcome.kind).toBe('input-error');
  });

  it('bytes flipped across the data pages (every 41st byte): never a crash; a broken group is a bad row naming it, and the other groups are read', async () => {
    const seen: Record<string, number> = {};
    let groupProblems = 0;
    for (let at = 0; at < 4921; at += 41) {
      const outcome = await outcomeOf(`flip-${at}.parquet`, flipped(at));
      seen[outcome.kind] = (seen[outcome.kind] ?? 0) + 1;
      if (outcome.kind !== 'read') continue;
      for (const problem of outcome.problems.filter((p) => /row group/.test(p.message))) {
        groupProblems++;
        expect(problem.message).toMatch(/^row is in Parquet row group \d+ \(rows \d+–\d+\), which cannot be decoded \(.+\); the group is skipped$/);
        // the rows of the other groups are all there, unchanged
        const group = Number(/row group (\d+)/.exec(problem.message)![1]);
        const others = rows.filter((r) => Math.floor((r.source.line - 1) / 2) !== group);
        const read = new Set(outcome.rows.map((r) => JSON.stringify(withoutSource([r])[0])));
        for (const row of others) expect(read.has(JSON.stringify(withoutSource([row])[0])), `flip at ${at}: row ${row.source.line}`).toBe(true);
      }
    }
    expect(groupProblems).toBeGreaterThan(0);
  });
});
