import { parseSeedSample } from '../../scripts/seed-sample.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readCatalogue, type CatalogueRow } from '../../src/catalogue/index.ts';
import { BUNDLED_CATALOGUE, ROOT, removeDir, tempDir } from '../helpers.ts';
import { SEED_SAMPLE, writeFixture } from './helpers.ts';

/**
 * The bundled catalogue is the seed sample (data/seed) turned into CSV by scripts/seed-to-csv.ts.
 * Its figures are checked against the seed text itself, read here without that script's parser.
 */
let rows: CatalogueRow[];
let seedText: string;
let dir: string;
beforeAll(async () => {
  const result = await readCatalogue(BUNDLED_CATALOGUE);
  expect(result.problems).toEqual([]);
  rows = result.rows;
  seedText = await readFile(SEED_SAMPLE, 'utf8');
  dir = await tempDir('apiconform-seed-');
});
afterAll(async () => removeDir(dir));

const ID_LINE = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\/\d+\/\d+$/;

/**
 * The seed's rows as [first line, last line] spans: a row starts at an id line and runs to the
 * line before the next one. In a row, the score is the 4th line and the summary the 3rd from the
 * end (summary, body, schema close every row), whether or not the description line is there.
 */
function seedSpans(text: string): string[][] {
  const lines = text.split('\n');
  const starts = lines.map((line, index) => (ID_LINE.test(line) ? index : -1)).filter((index) => index >= 0);
  return starts.map((start, k) => lines.slice(start, (starts[k + 1] ?? lines.length - (lines.at(-1) === '' ? 1 : 0))));
}

describe('the bundled catalogue (data/catalogue.csv)', () => {
  it('has the seed sample’s 100 rows, 16 APIs, 76 endpoints and 98 endpoint×status pairs', () => {
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.apiId)).size).toBe(16);
    expect(new Set(rows.map((r) => r.endpointId)).size).toBe(76);
    expect(new Set(rows.map((r) => `${r.endpointId} ${r.status}`)).size).toBe(98);
  });

  it('has the same empty descriptions, null scores and null summaries as the seed text', () => {
    const spans = seedSpans(seedText);
    expect(spans).toHaveLength(100);
    // 9-line rows are the ones whose empty description the viewer left out.
    const emptyDescriptions = spans.filter((span) => span.length === 9).length;
    const nullScores = spans.filter((span) => span[3] === 'null').length;
    const nullSummaries = spans.filter((span) => span.at(-3) === 'null').length;
    // Also counted by hand in the seed file (9-line rows; `null` 3 lines below an id line; `null`
    // 3 lines above the next id line): 7, 35 and 27.
    expect([emptyDescriptions, nullScores, nullSummaries]).toEqual([7, 35, 27]);

    expect(rows.filter((r) => r.endpointDescription === '')).toHaveLength(emptyDescriptions);
    expect(rows.filter((r) => r.apiScore === null)).toHaveLength(nullScores);
    expect(rows.filter((r) => r.summary === null)).toHaveLength(nullSummaries);
  });

  it('keeps every row’s values as the seed has them, row by row', () => {
    const spans = seedSpans(seedText);
    rows.forEach((row, index) => {
      const span = spans[index]!;
      expect(row.id).toBe(span[0]);
      expect(row.apiName).toBe(span[1]);
      expect(row.apiScore).toBe(span[3] === 'null' ? null : Number(span[3]));
      expect(row.endpointDescription).toBe(span.length === 10 ? span[5] : '');
      expect(row.status).toBe(Number(span.at(-4)));
      expect(row.summary).toBe(span.at(-3) === 'null' ? null : span.at(-3));
      expect(row.body).toEqual(JSON.parse(span.at(-2)!));
      expect(row.schemaText).toBe(span.at(-1));
    });
  });

  it('gives each row its CSV line (one line per row: the seed has no line breaks in values)', () => {
    expect(rows.map((r) => r.source.line)).toEqual(rows.map((_, index) => index + 2));
  });
});

describe('scripts/seed-to-csv.ts', () => {
  it('regenerates data/catalogue.csv byte for byte from the seed sample', async () => {
    const out = join(dir, 'catalogue.csv');
    const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/run-ts.js'), join(ROOT, 'scripts/seed-to-csv.ts'), SEED_SAMPLE, out], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/wrote 100 rows/);
    expect((await readFile(out)).equals(await readFile(BUNDLED_CATALOGUE))).toBe(true);
  });

  describe('parseSeedSample', () => {
    it('splits the sample into 100 rows of 10 values, filling in a left-out description as ""', () => {
      const records = parseSeedSample(seedText);
      expect(records).toHaveLength(100);
      expect(records.every((r) => r.length === 10)).toBe(true);
      const empty = records.filter((r) => r[5] === '');
      expect(empty).toHaveLength(7);
      // the left-out description is inserted, not the status shifted into its place
      expect(empty.every((r) => /^\d{3}$/.test(r[6]!))).toBe(true);
    });

    it('reads a CRLF copy of the sample the same way', () => {
      expect(parseSeedSample(seedText.replace(/\n/g, '\r\n'))).toEqual(parseSeedSample(seedText));
    });

    it('refuses a row with neither 9 nor 10 lines, naming it', () => {
      const lines = seedText.split('\n');
      const broken = [...lines.slice(0, 45), 'an extra line', ...lines.slice(45)].join('\n');
      expect(() => parseSeedSample(broken)).toThrow(/row 4b1a2551-9995-4dbe-95f9-ecdc606a0b08\/5605948d-7ab6-4ed1-b32c-9b94af65ba6e\/0\/0 has 11 lines, expected 9 or 10/);
    });

    it('refuses text where the first row does not start with an id line', () => {
      const lines = seedText.split('\n');
      expect(() => parseSeedSample([...lines.slice(0, 40), 'not an id', ...lines.slice(40)].join('\n'))).toThrow(/expected an id line after the header, got "not an id"/);
    });
  });
});
