import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { readCatalogue, type CatalogueRow, type RowProblem } from '../../src/catalogue/index.ts';
import { MAX_JSON_TEXT } from '../../src/catalogue/row.ts';
import { removeDir, tempDir } from '../helpers.ts';
import { HEADER, inputErrorOf, rowId, writeFixture } from './helpers.ts';

/**
 * Rows an untrusted catalogue can carry. Each bad one must become a problem that names its
 * column and what is wrong, at its line; none may crash the read or stop the good rows.
 */
type Column = (typeof HEADER)[number];
const base = (endpoint: number): Record<Column, string> => ({
  id: rowId(3, endpoint),
  api_name: 'Hostile API',
  api_description: 'rows that try to break the reader',
  api_score: '5',
  endpoint_name: `Endpoint ${endpoint}`,
  endpoint_description: '',
  response_status_code: '200',
  response_summary: 'null',
  response_json: '{"ok": true}',
  response_json_schema: '{"type": "object", "properties": {"ok": {"type": "boolean"}}}',
});

const DEEP = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const HUGE_BODY = `"${'a'.repeat(MAX_JSON_TEXT - 1)}"`; // MAX_JSON_TEXT + 1 characters of valid JSON

/** [what, changes, expected problem (column, message) or undefined for a good row]; line = index + 2. */
const CASES: Array<[string, Partial<Record<Column, string>>, [Column | undefined, RegExp] | undefined]> = [
  ['a good row', {}, undefined],
  ['invalid JSON in response_json', { response_json: '{"ok": tru' }, ['response_json', /^response_json is not valid JSON: /]],
  ['status abc', { response_status_code: 'abc' }, ['response_status_code', /^response_status_code "abc" is not an HTTP status \(an integer from 100 to 999\)$/]],
  ['a name that looks like a path', { api_name: '../../x', endpoint_name: '../../x' }, undefined],
  ['a 20,000-deep array body', { response_json: DEEP, response_json_schema: '{"type": "array"}' }, ['response_json', /^response_json is nested more than 200 levels deep$/]],
  ['a body over the size limit', { response_json: HUGE_BODY }, ['response_json', new RegExp(`^response_json is ${MAX_JSON_TEXT + 1} characters, more than the limit of ${MAX_JSON_TEXT}$`)]],
  ['a malformed id', { id: 'aaaaaaaa-0000-4000-8000-000000000003/not-a-uuid/0/0' }, ['id', /^id "aaaaaaaa-0000-4000-8000-000000000003\/not-a-uuid\/0\/0" is not <api uuid>\/<endpoint uuid>\/<response>\/<example>$/]],
  ['an empty api_name', { api_name: '   ' }, ['api_name', /^api_name is empty$/]],
  ['a catastrophic regex in the schema (fine at read time)', { response_json: '{"s": "aaaa"}', response_json_schema: '{"type": "object", "properties": {"s": {"type": "string", "pattern": "^(a+)+$"}}}' }, undefined],
  ['a 20,000-deep schema', { response_json_schema: `{"items": ${DEEP}}` }, ['response_json_schema', /^response_json_schema is nested more than 200 levels deep$/]],
  ['a schema that is an array', { response_json_schema: '[{"type": "object"}]' }, ['response_json_schema', /^response_json_schema is not a JSON Schema \(an object or a boolean\)$/]],
  ['a score that is not a number', { api_score: 'high' }, ['api_score', /^api_score "high" is not a number or null$/]],
  ['a status out of range', { response_status_code: '1000' }, ['response_status_code', /^response_status_code "1000" is not an HTTP status/]],
  ['an empty endpoint_name', { endpoint_name: '' }, ['endpoint_name', /^endpoint_name is empty$/]],
  ['an upper-case id (valid, normalised)', { id: rowId(3, 99).toUpperCase() }, undefined],
  ['another good row', {}, undefined],
];

let dir: string;
let file: string;
let rows: CatalogueRow[];
let problems: RowProblem[];
beforeAll(async () => {
  dir = await tempDir('apiconform-hostile-');
  const records = CASES.map(([, changes], index) => Object.values({ ...base(index + 1), ...changes }));
  file = await writeFixture(dir, 'hostile.csv', stringify([[...HEADER], ...records], { record_delimiter: 'unix' }));
  ({ rows, problems } = await readCatalogue(file));
});
afterAll(async () => removeDir(dir));

describe('hostile rows', () => {
  it.each(CASES.map((c, index) => [c[0], index, c[2]] as const).filter(([, , expected]) => expected))('%s becomes a problem naming its column', (_, index, expected) => {
    const line = index + 2;
    const problem = problems.find((p) => p.source.line === line);
    expect(problem, `no problem at line ${line}`).toBeDefined();
    const [column, message] = expected!;
    expect(problem!.column).toBe(column);
    expect(problem!.message).toMatch(message);
    expect(problem!.message.startsWith(column!)).toBe(true);
    expect(problem!.source.file).toBe(file);
  });

  it('carries the row id and names with each problem, when it has them', () => {
    const status = problems.find((p) => p.column === 'response_status_code' && p.message.includes('"abc"'))!;
    expect(status).toMatchObject({ rowId: rowId(3, 3), apiName: 'Hostile API', endpointName: 'Endpoint 3', source: { line: 4, rowId: rowId(3, 3) } });
    const json = problems.find((p) => p.column === 'response_json' && p.message.includes('not valid JSON'))!;
    expect(json.status).toBe(200);
  });

  it('reads every good row and only those', () => {
    const good = CASES.map((c, index) => [c, index] as const).filter(([c]) => !c[2]);
    expect(rows.map((r) => r.source.line)).toEqual(good.map(([, index]) => index + 2));
    expect(problems).toHaveLength(CASES.length - good.length);
  });

  it('keeps a path-like name verbatim (slugs make it safe later, not the reader)', () => {
    const row = rows.find((r) => r.source.line === 5)!;
    expect(row.apiName).toBe('../../x');
    expect(row.endpointName).toBe('../../x');
  });

  it('keeps a catastrophic pattern as data: reading never runs it', () => {
    const row = rows.find((r) => r.source.line === 10)!;
    expect(row.schema).toEqual({ type: 'object', properties: { s: { type: 'string', pattern: '^(a+)+$' } } });
  });

  it('normalises an upper-case id to lower case', () => {
    const row = rows.find((r) => r.source.line === 16)!;
    expect(row.id).toBe(rowId(3, 99));
    expect(row.apiId).toBe('aaaaaaaa-0000-4000-8000-000000000003');
    expect(row.source.rowId).toBe(rowId(3, 99).toUpperCase()); // the source keeps what the file says
  });

  it('with --strict, stops at the first bad row with its line and row id', async () => {
    const error = await inputErrorOf(readCatalogue(file, { strict: true }));
    expect(error.context).toMatchObject({ file, line: 3, rowId: rowId(3, 2) });
    expect(error.message).toMatch(/^response_json is not valid JSON/);
  });
});
