import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCatalogue, readRecords } from '../../src/catalogue/index.ts';
import { removeDir, tempDir } from '../helpers.ts';
import { FIXTURES, HEADER, inputErrorOf, rowId, writeFixture } from './helpers.ts';

const DIALECT = join(FIXTURES, 'dialect.csv');

let dir: string;
beforeAll(async () => {
  dir = await tempDir('apiconform-csv-');
});
afterAll(async () => removeDir(dir));

const csvLine = (fields: readonly string[]) => fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
const good = (endpoint: number, extra: Partial<Record<(typeof HEADER)[number], string>> = {}) =>
  HEADER.map((column) =>
    extra[column] ??
    ({
      id: rowId(1, endpoint),
      api_name: 'Api',
      api_description: '',
      api_score: 'null',
      endpoint_name: `Endpoint ${endpoint}`,
      endpoint_description: '',
      response_status_code: '200',
      response_summary: 'null',
      response_json: '{}',
      response_json_schema: '{"type": "object"}',
    } as const)[column],
  );

describe('CSV reader on the dialect fixture (BOM, CRLF, quoted newlines, quotes, extra column)', () => {
  it('is the fixture the test thinks it is', async () => {
    // A checkout that normalised line endings or stripped the BOM would make the tests below vacuous.
    const bytes = await readFile(DIALECT);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('first\r\nsecond\r\nthird');
    expect(bytes.toString('utf8').split('\r\n')).toHaveLength(11);
  });

  it('gives every record the line it starts on, across quoted CRLFs and a blank line', async () => {
    const records = [];
    for await (const record of readRecords(DIALECT)) records.push(record);
    expect(records.map((r) => [r.values.endpoint_name, r.source.line])).toEqual([
      ['Endpoint 1', 2],
      ['Endpoint 2', 3], // spans lines 3–5
      ['Endpoint 3', 7], // after the blank line 6
      ['Endpoint 4', 8], // its body spans lines 8–9
      ['Endpoint 5', 10],
    ]);
    expect(records.every((r) => r.source.file === DIALECT)).toBe(true);
  });

  it('keeps quoted newlines and doubled quotes verbatim, strips the BOM from the first header', async () => {
    const { rows } = await readCatalogue(DIALECT);
    const byName = new Map(rows.map((r) => [r.endpointName, r]));
    expect(byName.get('Endpoint 2')!.endpointDescription).toBe('first\r\nsecond\r\nthird');
    expect(byName.get('Endpoint 4')!.body).toEqual({ d: 4 });
    expect(byName.get('Endpoint 5')!.apiName).toBe('Say "hi", "bye"');
    expect(byName.get('Endpoint 5')!.body).toEqual({ e: 'quote " inside' });
    expect(byName.get('Endpoint 1')!.id).toBe('aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa/bbbbbbbb-2222-4222-8222-000000000001/0/0');
  });

  it('ignores the unknown column wherever it sits in the header', async () => {
    const { rows } = await readCatalogue(DIALECT);
    const row = rows.find((r) => r.endpointName === 'Endpoint 1')!;
    expect(row.apiDescription).toBe('Dialect test API');
    expect(row.apiScore).toBe(8.1);
    expect(Object.values(row)).not.toContain('ignored');
    expect(JSON.stringify(rows)).not.toContain('has \\"quotes\\" too');
  });

  it('reports the row with the wrong column count with file, line and row id, and reads on', async () => {
    const { rows, problems } = await readCatalogue(DIALECT);
    expect(rows.map((r) => r.endpointName)).toEqual(['Endpoint 1', 'Endpoint 2', 'Endpoint 4', 'Endpoint 5']);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem!.message).toBe('row has 9 fields, the header has 11');
    expect(problem!.source).toEqual({ file: DIALECT, line: 7, rowId: 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa/bbbbbbbb-2222-4222-8222-000000000003/0/0' });
    expect(problem!.rowId).toBe(problem!.source.rowId);
  });

  it('makes the wrong column count fatal with --strict, naming the line', async () => {
    const error = await inputErrorOf(readCatalogue(DIALECT, { strict: true }));
    expect(error.describe()).toBe(`${DIALECT}:7 row aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa/bbbbbbbb-2222-4222-8222-000000000003/0/0: row has 9 fields, the header has 11`);
  });
});

describe('CSV reader on broken files', () => {
  it('fails as a whole, once, when a required column is missing', async () => {
    const header = HEADER.filter((c) => c !== 'response_json_schema' && c !== 'endpoint_name');
    const file = await writeFixture(dir, 'missing-column.csv', `${header.join(',')}\n${header.map(() => 'x').join(',')}\n`);
    const error = await inputErrorOf(readCatalogue(file));
    expect(error.message).toMatch(/^missing columns endpoint_name, response_json_schema \(found: id, api_name/);
    expect(error.context).toEqual({ file, line: 1 });
  });

  it('fails on a header-only file that lacks a required column (no row needed to notice)', async () => {
    const file = await writeFixture(dir, 'header-only.csv', 'id,api_name\n');
    const error = await inputErrorOf(readCatalogue(file));
    expect(error.message).toMatch(/^missing columns endpoint_name, response_status_code, response_json, response_json_schema/);
  });

  it('refuses a header-only file with every column as an empty catalogue', async () => {
    const file = await writeFixture(dir, 'no-rows.csv', `${HEADER.join(',')}\r\n`);
    expect((await inputErrorOf(readCatalogue(file))).message).toBe('empty catalogue: no rows');
  });

  it.each([
    ['in the last record (the quote runs to the end of the file)', 5, /Quote Not Closed/],
    ['in a middle record (the quote runs into the next record)', 3, /Invalid Closing Quote/],
  ])('reports an unclosed quote %s as a bad row at the line the record starts on, and reads every other record', async (_, brokenEndpoint, reason) => {
    const lines = [HEADER.join(','), ...[1, 2, 3, 4, 5].map((e) => (e === brokenEndpoint ? `${rowId(1, e)},"Api with open quote,,null,E,,200,null,{},{}` : csvLine(good(e))))];
    const file = await writeFixture(dir, `unclosed-${brokenEndpoint}.csv`, `${lines.join('\n')}\n`);
    const { rows, problems } = await readCatalogue(file);
    expect(rows.map((r) => r.endpointName)).toEqual([1, 2, 3, 4, 5].filter((e) => e !== brokenEndpoint).map((e) => `Endpoint ${e}`));
    expect(rows.map((r) => r.source.line)).toEqual([1, 2, 3, 4, 5].filter((e) => e !== brokenEndpoint).map((e) => e + 1));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.source).toEqual({ file, line: brokenEndpoint + 1 });
    expect(problems[0]!.message).toMatch(/^row is malformed CSV \(/);
    expect(problems[0]!.message).toMatch(reason);

    const error = await inputErrorOf(readCatalogue(file, { strict: true }));
    expect(error.context).toEqual({ file, line: brokenEndpoint + 1 });
    expect(error.describe()).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${brokenEndpoint + 1}: row is malformed CSV`));
  });

  it('resumes after a malformed record that spans lines: its inner lines are bad rows, never good ones, and the records after it are read', async () => {
    const broken = `${rowId(1, 2)},Api,,null,E,,200,"summary\nline two"x,{},{}`; // text after a closing quote, on the record's second line
    const lines = [HEADER.join(','), csvLine(good(1)), broken, csvLine(good(3, { response_summary: 'a\nb' })), csvLine(good(4))];
    const file = await writeFixture(dir, 'spanning.csv', `${lines.join('\n')}\n`);
    const { rows, problems } = await readCatalogue(file);
    expect(rows.map((r) => [r.endpointName, r.source.line])).toEqual([['Endpoint 1', 2], ['Endpoint 3', 5], ['Endpoint 4', 7]]);
    expect(problems.map((p) => p.source.line)).toEqual([3, 4]);
  });

  it('rejects an empty file as having no header', async () => {
    const file = await writeFixture(dir, 'empty.csv', '');
    const error = await inputErrorOf(readCatalogue(file));
    expect(error.message).toBe('empty catalogue: the file is empty (0 bytes)');
    expect(error.context.file).toBe(file);
  });

  it('rejects a file that is only a BOM and blank lines the same way', async () => {
    const file = await writeFixture(dir, 'blank.csv', '\uFEFF\r\n\r\n');
    expect((await inputErrorOf(readCatalogue(file))).message).toBe('empty catalogue: no header row');
  });

  it('says clearly when the catalogue does not exist', async () => {
    const file = join(dir, 'nope.csv');
    const error = await inputErrorOf(readCatalogue(file));
    expect(error.message).toBe('catalogue not found');
  });
});

describe('CSV line numbers', () => {
  it('counts lone LF, CRLF and blank lines the same way for every record, however many precede it', async () => {
    // Many quoted CRLFs before a record: csv-parse's own count drifts by one per quoted CRLF.
    const multiline = good(1, { endpoint_description: 'a\r\nb\r\nc\r\nd' }); // 4 lines
    const lfBody = good(2, { response_json: '{\n"x": 1\n}' }); // 3 lines
    const lines = [HEADER.join(','), csvLine(multiline), '', '', csvLine(lfBody), csvLine(good(3))];
    const file = await writeFixture(dir, 'lines.csv', `${lines.join('\r\n')}\r\n`);
    const { rows } = await readCatalogue(file);
    expect(rows.map((r) => r.source.line)).toEqual([2, 8, 11]);
  });
});
