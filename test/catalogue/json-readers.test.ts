import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, readRecords } from '../../src/catalogue/index.ts';
import { removeDir, tempDir } from '../helpers.ts';
import { inputErrorOf, rowId, writeFixture } from './helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('apiconform-json-');
});
afterAll(async () => removeDir(dir));

const row = (endpoint: number, extra: Record<string, unknown> = {}) => ({
  id: rowId(7, endpoint),
  api_name: 'Json Api',
  api_description: 'd',
  api_score: 4.5,
  endpoint_name: `Endpoint ${endpoint}`,
  endpoint_description: '',
  response_status_code: 200,
  response_summary: null,
  response_json: '{"ok": true}',
  response_json_schema: '{"type": "object"}',
  ...extra,
});

describe('JSONL / NDJSON reader', () => {
  it('skips blank lines but counts them, so each row keeps its own line', async () => {
    const text = ['', JSON.stringify(row(1)), '   ', JSON.stringify(row(2)), '', '', JSON.stringify(row(3)), ''].join('\n');
    const file = await writeFixture(dir, 'blank-lines.jsonl', text);
    const { rows, problems } = await readCatalogue(file);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.endpointName, r.source.line])).toEqual([
      ['Endpoint 1', 2],
      ['Endpoint 2', 4],
      ['Endpoint 3', 7],
    ]);
    expect(rows[0]!.source).toEqual({ file, line: 2, rowId: rowId(7, 1) });
  });

  it('turns a line that is not JSON into a problem with its line, and reads on', async () => {
    const text = [JSON.stringify(row(1)), '{"id": "truncated', JSON.stringify(row(3))].join('\r\n');
    const file = await writeFixture(dir, 'bad-line.ndjson', `\uFEFF${text}\r\n`);
    const { rows, problems } = await readCatalogue(file);
    expect(rows.map((r) => r.endpointName)).toEqual(['Endpoint 1', 'Endpoint 3']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^row is not valid JSON \(/);
    expect(problems[0]!.source).toEqual({ file, line: 2, rowId: undefined });
  });

  it('turns a line that is JSON but not a row object into a problem', async () => {
    const file = await writeFixture(dir, 'array-line.jsonl', `${JSON.stringify(row(1))}\n[1, 2]\n"text"\n`);
    const { rows, problems } = await readCatalogue(file);
    expect(rows).toHaveLength(1);
    expect(problems.map((p) => [p.source.line, p.message])).toEqual([
      [2, 'row is not an object with the catalogue columns'],
      [3, 'row is not an object with the catalogue columns'],
    ]);
  });

  it('ignores unknown keys and reports a row without a required column by that column', async () => {
    const { response_json_schema: _schema, ...noSchema } = row(2);
    const file = await writeFixture(dir, 'columns.jsonl', `${JSON.stringify({ ...row(1), source_url: 'x', extra: { a: 1 } })}\n${JSON.stringify(noSchema)}\n`);
    const { rows, problems } = await readCatalogue(file);
    expect(Object.keys(rows[0]!)).not.toContain('source_url');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ column: 'response_json_schema', message: 'column response_json_schema is missing', source: { line: 2 } });
  });
});

describe('JSON array reader', () => {
  it('reads an array of rows; the line of a row is its index + 1', async () => {
    const file = await writeFixture(dir, 'rows.json', JSON.stringify([row(1), row(2)], null, 2));
    const records = [];
    for await (const record of readRecords(file)) records.push(record);
    expect(records.map((r) => r.source)).toEqual([
      { file, line: 1, rowId: rowId(7, 1) },
      { file, line: 2, rowId: rowId(7, 2) },
    ]);
  });

  it('refuses a document that is not an array', async () => {
    const file = await writeFixture(dir, 'object.json', JSON.stringify({ rows: [row(1)] }));
    const error = await inputErrorOf(readCatalogue(file));
    expect(error.message).toBe('a .json catalogue must be an array of rows');
    expect(error.context.file).toBe(file);
  });

  it('refuses a document that is not JSON, naming the file', async () => {
    const file = await writeFixture(dir, 'broken.json', '[{"id": ');
    const error = await inputErrorOf(readCatalogue(file));
    expect(error.message).toMatch(/^not valid JSON: /);
    expect(error.describe().startsWith(`${file}: not valid JSON`)).toBe(true);
  });

  it('reports a non-object element as a problem and keeps the others', async () => {
    const file = await writeFixture(dir, 'mixed.json', JSON.stringify([row(1), 42, row(3)]));
    const { rows, problems } = await readCatalogue(file);
    expect(rows.map((r) => r.source.line)).toEqual([1, 3]);
    expect(problems.map((p) => [p.source.line, p.message])).toEqual([[2, 'row is not an object with the catalogue columns']]);
  });

  // Regression: schemaText of an inlined schema object was String(object) = "[object Object]" for
  // every row, and schemas are cached and hashed by that text, so all rows shared one schema.
  it('keeps the text of a schema given inline as an object as its JSON, distinct per schema', async () => {
    const a = { type: 'object', properties: { a: { type: 'string' } } };
    const b = { type: 'array', items: { type: 'integer' } };
    const file = await writeFixture(dir, 'inline.json', JSON.stringify([row(1, { response_json: { a: 'x' }, response_json_schema: a }), row(2, { response_json: [1], response_json_schema: b })]));
    const { rows, problems } = await readCatalogue(file);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.schemaText)).toEqual([JSON.stringify(a), JSON.stringify(b)]);
    expect(rows.map((r) => r.schema)).toEqual([a, b]);
    expect(rows[0]!.body).toEqual({ a: 'x' });
  });
});
