import type { CatalogueColumn } from './columns.ts';
import { REQUIRED_COLUMNS } from './columns.ts';
import type { CatalogueRow, RawRecord, RowProblem } from './types.ts';
import { MAX_JSON_DEPTH, jsonDepth, textNestingDepth } from '../util/json-depth.ts';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ROW_ID = new RegExp(`^(${UUID})/(${UUID})/(\\d{1,6})/(\\d{1,6})$`);

/** Larger than anything in the dataset (50k-char bodies, 150k-char schemas) by two orders. */
export const MAX_JSON_TEXT = 16 * 1024 * 1024;

export type RowResult = { ok: true; row: CatalogueRow } | { ok: false; problem: RowProblem };

/**
 * Checks one raw record and turns it into a typed row, or says precisely what is wrong with it.
 * Never throws for bad data: a bad row is a problem for the caller to report, and the run goes on.
 */
export function checkRecord(record: RawRecord, schemaCache?: Map<string, JsonResult>): RowResult {
  const { values, source } = record;
  const rawId = text(values.id).trim();
  const context = {
    rowId: rawId || undefined,
    apiName: text(values.api_name) || undefined,
    endpointName: text(values.endpoint_name) || undefined,
  };
  const fail = (message: string, column?: CatalogueColumn, status?: number): RowResult => ({
    ok: false,
    problem: { ...context, apiId: rawId.split('/')[0], status, column, message, source: { ...source, rowId: rawId || undefined } },
  });

  if (record.readerProblem) return fail(`row ${record.readerProblem}`);
  for (const column of REQUIRED_COLUMNS) {
    if (values[column] === undefined || values[column] === null) return fail(`column ${column} is missing`, column);
  }

  const id = ROW_ID.exec(rawId);
  if (!id) return fail(`id ${JSON.stringify(rawId.slice(0, 120))} is not <api uuid>/<endpoint uuid>/<response>/<example>`, 'id');

  const status = parseStatus(values.response_status_code);
  if (status === undefined) {
    return fail(`response_status_code ${JSON.stringify(String(values.response_status_code).slice(0, 40))} is not an HTTP status (an integer from 100 to 999)`, 'response_status_code');
  }

  const apiName = text(values.api_name).trim();
  const endpointName = text(values.endpoint_name).trim();
  if (!apiName) return fail('api_name is empty', 'api_name', status);
  if (!endpointName) return fail('endpoint_name is empty', 'endpoint_name', status);

  const score = parseScore(values.api_score);
  if (score === undefined) return fail(`api_score ${JSON.stringify(String(values.api_score).slice(0, 40))} is not a number or null`, 'api_score', status);

  const body = parseJsonColumn(values.response_json, 'response_json');
  if (!body.ok) return fail(body.message, 'response_json', status);
  // a third of the dataset's rows repeat a schema text seen before: parse each text once
  const schemaKey = typeof values.response_json_schema === 'string' ? values.response_json_schema : undefined;
  let schema = schemaKey !== undefined ? schemaCache?.get(schemaKey) : undefined;
  if (!schema) {
    schema = parseJsonColumn(values.response_json_schema, 'response_json_schema');
    if (schemaKey !== undefined) schemaCache?.set(schemaKey, schema);
  }
  if (!schema.ok) return fail(schema.message, 'response_json_schema', status);
  // A JSON/JSONL catalogue may inline the schema as an object; String() of it would be
  // "[object Object]" for every schema, and schemas are cached and hashed by this text.
  const schemaText = typeof values.response_json_schema === 'string' ? values.response_json_schema : JSON.stringify(schema.value);
  if (schema.value === null || (typeof schema.value !== 'object' && typeof schema.value !== 'boolean') || Array.isArray(schema.value)) {
    return fail('response_json_schema is not a JSON Schema (an object or a boolean)', 'response_json_schema', status);
  }

  return {
    ok: true,
    row: {
      id: `${id[1]!.toLowerCase()}/${id[2]!.toLowerCase()}/${id[3]}/${id[4]}`,
      apiId: id[1]!.toLowerCase(),
      endpointId: id[2]!.toLowerCase(),
      responseIndex: Number(id[3]),
      exampleIndex: Number(id[4]),
      apiName,
      apiDescription: text(values.api_description),
      apiScore: score,
      endpointName,
      endpointDescription: text(values.endpoint_description),
      status,
      summary: nullableText(values.response_summary),
      body: body.value,
      bodyText: typeof values.response_json === 'string' ? values.response_json : JSON.stringify(body.value),
      schema: schema.value,
      schemaText: typeof values.response_json_schema === 'string' ? schemaText : JSON.stringify(schema.value),
      source: { ...source, rowId: rawId },
      ...(record.http ? { http: record.http } : {}),
      ...(record.generated ? { generated: true } : {}),
    },
  };
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

/** The viewer and CSV exports write a missing value as the word `null`. */
function nullableText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const s = text(value);
  return s === 'null' ? null : s;
}

function parseStatus(value: unknown): number | undefined {
  const n = typeof value === 'number' || typeof value === 'bigint' ? Number(value) : /^\s*\d{3}\s*$/.test(text(value)) ? Number(text(value)) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 999 ? n : undefined;
}

function parseScore(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const s = text(value).trim();
  if (s === '' || s === 'null') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

function parseJsonColumn(value: unknown, column: CatalogueColumn): JsonResult {
  // Parquet/JSON readers may hand over an already-parsed value; the dataset stores JSON text.
  if (typeof value !== 'string') {
    return jsonDepth(value) > MAX_JSON_DEPTH
      ? { ok: false, message: `${column} is nested more than ${MAX_JSON_DEPTH} levels deep` }
      : { ok: true, value };
  }
  if (value.length > MAX_JSON_TEXT) return { ok: false, message: `${column} is ${value.length} characters, more than the limit of ${MAX_JSON_TEXT}` };
  const depth = textNestingDepth(value);
  if (depth > MAX_JSON_DEPTH) return { ok: false, message: `${column} is nested more than ${MAX_JSON_DEPTH} levels deep` };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch (error) {
    return { ok: false, message: `${column} is not valid JSON: ${(error as Error).message}` };
  }
}

/** Every record checked, with one schema cache: the good rows and the bad rows' problems, in order. */
export function checkRecords(records: Iterable<RawRecord>): { rows: CatalogueRow[]; problems: RowProblem[] } {
  const rows: CatalogueRow[] = [];
  const problems: RowProblem[] = [];
  const schemaCache = new Map<string, JsonResult>();
  for (const record of records) {
    const result = checkRecord(record, schemaCache);
    if (result.ok) rows.push(result.row);
    else problems.push(result.problem);
  }
  return { rows, problems };
}
