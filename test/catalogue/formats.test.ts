import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readCatalogue, type CatalogueRow } from '../../src/catalogue/index.ts';
import { sampleFixtures } from '../../scripts/make-parquet-fixture.ts';
import { removeDir, tempDir } from '../helpers.ts';
import { FIXTURES, inputErrorOf, withoutSource, writeFixture } from './helpers.ts';

const sample = (ext: string) => join(FIXTURES, `sample.${ext}`);
const FORMATS = ['csv', 'jsonl', 'json', 'parquet'] as const;

let dir: string;
const read: Record<string, CatalogueRow[]> = {};
beforeAll(async () => {
  dir = await tempDir('apiconform-formats-');
  for (const format of FORMATS) {
    const { rows, problems } = await readCatalogue(sample(format));
    expect(problems).toEqual([]);
    read[format] = rows;
  }
});
afterAll(async () => removeDir(dir));

describe('the sample catalogue in all four formats', () => {
  it('gives the same rows, whatever the format', () => {
    const csv = withoutSource(read.csv!);
    expect(csv).toHaveLength(8);
    for (const format of ['jsonl', 'json', 'parquet']) expect(withoutSource(read[format]!), format).toEqual(csv);
  });

  it('covers what the formats could disagree on', () => {
    const rows = read.csv!;
    expect(rows.filter((r) => r.apiScore === null)).toHaveLength(3);
    expect(rows.filter((r) => r.summary === null)).toHaveLength(1);
    expect(rows.filter((r) => r.endpointDescription === '')).toHaveLength(1);
    expect(rows.some((r) => r.endpointDescription.includes('\n'))).toBe(true);
    expect(rows.some((r) => r.apiName.includes('"'))).toBe(true);
    expect(rows.some((r) => /[^\x00-\x7f]/.test(JSON.stringify(r.body)))).toBe(true); // from a \u00f3 escape
    expect(rows.map((r) => r.status)).toContain(130);
    expect(rows.map((r) => r.apiScore)).toContain(7.25);
  });

  it('locates rows as each format can: CSV by first line, JSONL by line, JSON and Parquet by position', () => {
    // The handmade last row spans three CSV lines (quoted newlines in two fields).
    expect(read.csv!.map((r) => r.source.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    for (const format of ['jsonl', 'json', 'parquet']) expect(read[format]!.map((r) => r.source.line), format).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const format of FORMATS) {
      for (const row of read[format]!) expect(row.source).toEqual({ file: sample(format), line: row.source.line, rowId: row.id });
    }
  });
});

describe('Parquet fixture', () => {
  it('is what scripts/make-parquet-fixture.ts makes from sample.csv, byte for byte', async () => {
    const made = await sampleFixtures(sample('csv'));
    expect(Buffer.from(made.parquet).equals(await readFile(sample('parquet')))).toBe(true);
    expect(made.jsonl).toBe(await readFile(sample('jsonl'), 'utf8'));
    expect(made.json).toBe(await readFile(sample('json'), 'utf8'));
  });

  it('refuses a Parquet file without the required columns, naming them', async () => {
    const buffer = parquetWriteBuffer({ columnData: [{ name: 'id', data: ['x'], type: 'STRING' }] });
    const file = await writeFixture(dir, 'columns.parquet', new Uint8Array(buffer));
    const error = await inputErrorOf(readCatalogue(file));
    expect(error.message).toMatch(/^missing columns api_name, endpoint_name, response_status_code, response_json, response_json_schema/);
  });

  it('refuses a file that is not Parquet', async () => {
    const file = await writeFixture(dir, 'fake.parquet', 'id,api_name\n');
    const error = await inputErrorOf(readCatalogue(file));
    expect(error.message).toMatch(/^not a readable Parquet file: /);
    expect(error.context.file).toBe(file);
  });

  it('reads a status stored as int64 and a score stored as double or null', async () => {
    const row = read.parquet!.find((r) => r.status === 130)!;
    expect(row.apiScore).toBeNull();
    expect(typeof row.status).toBe('number');
    expect(read.parquet!.find((r) => r.apiName.startsWith("Bob's"))!.apiScore).toBe(7.25);
  });
});

describe('catalogue formats by extension', () => {
  it('refuses an unknown extension as an input error', async () => {
    const file = await writeFixture(dir, 'catalogue.xlsx', 'x');
    const error = await inputErrorOf(readCatalogue(file));
    expect(error.message).toMatch(/unknown catalogue format "\.xlsx"/);
  });
});
