import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { readCatalogue, readRecords, type CatalogueRow } from '../../src/catalogue/index.ts';
import {
  changeOneRow, csvText, emptyReport, generateSyntheticCatalogue, inferSchema, pythonJson, readSeed, Random, StatsCollector,
  type CatalogueRecord, type GenerationReport, type SeedMaterial,
} from '../../scripts/synthetic/index.ts';
import { changeOneRowInBuffer } from '../../scripts/synthetic/change-one-row.ts';
import { ENUM_GROUPS } from '../../scripts/synthetic/vocabulary.ts';
import { BUNDLED_CATALOGUE, removeDir, tempDir } from '../helpers.ts';
import { FIXTURES, writeFixture } from './helpers.ts';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof import('ajv-formats').default;

const ROWS = 700;
let seed: SeedMaterial;
let bundled: CatalogueRow[];
let records: CatalogueRecord[];
let report: GenerationReport;
let dir: string;

function generate(rows: number, seedValue: string, hugeRows?: number): { records: CatalogueRecord[]; report: GenerationReport } {
  const tally = emptyReport();
  return { records: [...generateSyntheticCatalogue(seed, { rows, seed: seedValue, hugeRows }, tally)], report: tally };
}

beforeAll(async () => {
  seed = await readSeed(BUNDLED_CATALOGUE);
  bundled = (await readCatalogue(BUNDLED_CATALOGUE)).rows;
  ({ records, report } = generate(ROWS, 'test', 1));
  dir = await tempDir('apiconform-synthetic-');
});
afterAll(async () => removeDir(dir));

describe('inferSchema (genson)', () => {
  it('reproduces every genson schema of the seed byte for byte from its body', () => {
    const genson = bundled.filter((r) => r.schemaText.startsWith('{"$schema": "http://json-schema.org/schema#"'));
    expect(genson).toHaveLength(45);
    for (const row of genson) expect(pythonJson(inferSchema(row.body)), row.id).toBe(row.schemaText);
  });

  it.each([
    ['empty array: items is the empty schema', [], { type: 'array', items: {} }],
    ['mixed scalars: sorted type list', ['a', 1, null], { type: 'array', items: { type: ['integer', 'null', 'string'] } }],
    ['integer and number: number', [1, 1.5], { type: 'array', items: { type: 'number' } }],
    ['objects merged: required is the intersection, sorted', [{ b: 1, a: 'x' }, { a: 'y' }], { type: 'array', items: { type: 'object', properties: { b: { type: 'integer' }, a: { type: 'string' } }, required: ['a'] } }],
    ['an object and a scalar: anyOf', [{ a: 1 }, 'x'], { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] }] } }],
    ['an empty object joins the type list', [{}, null], { type: 'array', items: { type: ['null', 'object'] } }],
  ])('%s', (_, body, expected) => {
    expect(inferSchema(body, { schemaUri: false })).toEqual(expected);
  });
});

describe('pythonJson', () => {
  it('writes every body and schema of the seed exactly as the dataset has them', async () => {
    let texts = 0;
    for await (const record of readRecords(BUNDLED_CATALOGUE)) {
      for (const text of [record.values.response_json, record.values.response_json_schema] as string[]) {
        expect(pythonJson(JSON.parse(text))).toBe(text);
        texts++;
      }
    }
    expect(texts).toBe(200);
  });
});

describe('the synthetic catalogue generator', () => {
  it('makes exactly the rows asked for, starting with the seed rows byte for byte', async () => {
    expect(records).toHaveLength(ROWS);
    expect(report.seedRows).toBe(100);
    expect(csvText(records.slice(0, 100))).toBe(await readFile(BUNDLED_CATALOGUE, 'utf8'));
  });

  it('is deterministic: same options, same bytes; another seed, other synthetic rows', () => {
    const again = generate(ROWS, 'test', 1);
    expect(csvText(again.records)).toBe(csvText(records));
    expect(again.report).toEqual(report);
    const other = generate(ROWS, 'other', 1).records;
    expect(csvText(other.slice(0, 100))).toBe(csvText(records.slice(0, 100)));
    expect(other[100]!.id).not.toBe(records[100]!.id);
  });

  it('writes rows every reader accepts: no problems, the same rows back', async () => {
    const file = await writeFixture(dir, 'synthetic.csv', csvText(records));
    const { rows, problems } = await readCatalogue(file);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.id)).toEqual(records.map((r) => r.id.toLowerCase()));
    expect(new Set(rows.map((r) => r.id)).size).toBe(ROWS);
  });

  it('numbers responses and examples within each synthetic endpoint from 0 without gaps', () => {
    // (The seed has gaps of its own: Enode getChargingLocationTariff has only response 2, energy
    // Optimizer Get hours_available only response 1.)
    const seen = new Map<string, Map<number, number[]>>();
    for (const { id } of records.slice(100)) {
      const [, endpoint, response, example] = id.split('/');
      const responses = seen.get(endpoint!) ?? new Map<number, number[]>();
      seen.set(endpoint!, responses);
      responses.set(Number(response), [...(responses.get(Number(response)) ?? []), Number(example)]);
    }
    for (const responses of seen.values()) {
      expect([...responses.keys()]).toEqual([...responses.keys()].map((_, i) => i));
      for (const examples of responses.values()) expect(examples).toEqual(examples.map((_, i) => i));
    }
  });

  it('has the dataset’s proportions: ~11 rows per API, repeated schemas, 200 first, a giant within limits', () => {
    const stats = new StatsCollector();
    for (const record of records) stats.add(record);
    const s = stats.result();
    expect(s.apis).toBe(Math.round(ROWS / (28_059 / 2_500)));
    expect(s.endpointStatuses).toBeGreaterThan(s.endpoints);
    expect(s.repeatedSchemaShare).toBeGreaterThan(0.2);
    expect(s.repeatedSchemaShare).toBeLessThan(0.45);
    expect(s.distinctCanonicalSchemas).toBeLessThan(s.distinctSchemaTexts); // some repeats differ only in key order
    expect(s.statuses[0]![0]).toBe(200);
    expect(s.statuses.map(([status]) => status)).toEqual(expect.arrayContaining([400, 401, 404, 422, 500]));
    expect(report.hugeRows).toBe(1);
    expect(s.maxBodyChars).toBeGreaterThan(45_000);
    expect(s.maxBodyChars).toBeLessThanOrEqual(50_000);
    expect(s.maxSchemaChars).toBeGreaterThan(120_000);
    expect(s.maxSchemaChars).toBeLessThanOrEqual(150_000);
    expect(s.nullScores).toBeGreaterThan(0);
    expect(s.nullSummaries).toBeGreaterThan(0);
    expect(s.emptyEndpointDescriptions).toBeGreaterThan(0);
  });

  it('breaks exactly the examples it says it breaks: every other example matches its schema', () => {
    // Unoptimised code compiles four times faster; validation speed does not matter here.
    const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: false, code: { optimize: false } });
    addFormats(ajv);
    const validators = new Map<string, ReturnType<typeof ajv.compile>>();
    let failing = 0;
    let seedFailing = 0;
    records.forEach((record, index) => {
      const { $schema: _uri, ...schema } = JSON.parse(record.response_json_schema) as Record<string, unknown>;
      let validate = validators.get(record.response_json_schema);
      if (!validate) validators.set(record.response_json_schema, (validate = ajv.compile(schema)));
      if (!validate(JSON.parse(record.response_json))) {
        failing++;
        if (index < 100) seedFailing++;
      }
    });
    expect(seedFailing).toBe(18); // the seed's own: data/seed/README.md
    const broken = Object.values(report.broken).reduce((a, b) => a + b, 0);
    expect(broken).toBeGreaterThan(ROWS * 0.04);
    expect(failing).toBe(seedFailing + broken);
  }, 30_000);

  it('keeps enum sets disjoint, so a varied value never leaves its declared enum', () => {
    const all = ENUM_GROUPS.flat();
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('Random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (s: string) => {
      const r = new Random(s);
      return [r.next(), r.int(0, 1000), r.uuid()];
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(draw('a')[2]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('change-one-row', () => {
  const recordsOf = (text: string | Buffer) => parse(text, { bom: true, relax_column_count: true }) as string[][];

  it('changes exactly one row’s body and schema, by one property, and keeps every other byte', async () => {
    const input = await writeFixture(dir, 'before.csv', csvText(records));
    const output = join(dir, 'after.csv');
    const changed = await changeOneRow(input, output);
    const before = recordsOf(await readFile(input));
    const after = recordsOf(await readFile(output));
    expect(after).toHaveLength(before.length);
    const differing = after.map((r, i) => (JSON.stringify(r) === JSON.stringify(before[i]) ? -1 : i)).filter((i) => i >= 0);
    expect(differing).toEqual([changed.row]);
    const [old, now] = [before[changed.row]!, after[changed.row]!];
    expect(now.slice(0, 8)).toEqual(old.slice(0, 8));
    expect(JSON.parse(now[8]!)).toEqual({ ...JSON.parse(old[8]!), synthetic_change: 'changed' });
    const schema = JSON.parse(now[9]!);
    expect(schema.properties.synthetic_change).toEqual({ type: 'string' });
    expect({ ...schema, properties: { ...schema.properties, synthetic_change: undefined } }).toEqual({
      ...JSON.parse(old[9]!),
      properties: { ...JSON.parse(old[9]!).properties, synthetic_change: undefined },
      ...(Array.isArray(schema.required) ? { required: [...JSON.parse(old[9]!).required, 'synthetic_change'] } : {}),
    });
    expect(changed.rowId).toBe(old[0]);
    expect(changed.row).toBeGreaterThanOrEqual(ROWS / 2); // searched from the middle

    // every other byte: (synthetic rows are one line each) the files differ in one line only
    const [a, b] = [(await readFile(input, 'utf8')).split('\n'), (await readFile(output, 'utf8')).split('\n')];
    expect(b).toHaveLength(a.length);
    expect(b.map((line, i) => (line === a[i] ? -1 : i + 1)).filter((line) => line > 0)).toEqual([changed.line]);
    expect(b[changed.line - 1]!.startsWith(`${old[0]},`)).toBe(true);
  });

  it('is deterministic and keeps CRLF line endings, a BOM and a chosen row', async () => {
    const text = `\uFEFF${(await readFile(join(FIXTURES, 'sample.csv'), 'utf8')).replace(/\n/g, '\r\n')}`;
    const input = Buffer.from(text);
    const first = changeOneRowInBuffer(input, { row: 2, key: 'added' });
    const second = changeOneRowInBuffer(input, { row: 2, key: 'added' });
    expect(first.output.equals(second.output)).toBe(true);
    expect(first.changed).toMatchObject({ row: 2, line: 3, key: 'added' });
    const out = first.output.toString('utf8');
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rowsBefore = recordsOf(input);
    const rowsAfter = recordsOf(first.output);
    expect(JSON.parse(rowsAfter[2]![8]!)).toEqual({ ...JSON.parse(rowsBefore[2]![8]!), added: 'changed' });
    expect(rowsAfter.filter((r, i) => JSON.stringify(r) !== JSON.stringify(rowsBefore[i]))).toHaveLength(1);
  });

  it('refuses a row it cannot change', () => {
    const input = Buffer.from(csvText(records.slice(0, 3)));
    expect(() => changeOneRowInBuffer(input, { row: 9 })).toThrow(/--row must be from 1 to 3/);
  });
});
