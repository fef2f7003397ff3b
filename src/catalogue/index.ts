import { closeSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { inputError } from '../util/errors.ts';
import { assertReadable } from '../util/files.ts';

export { assertReadable };
import type { CatalogueFormat, CatalogueRow, RawRecord, RowProblem } from './types.ts';
import { readCsv } from './readers/csv.ts';
import { readJsonl } from './readers/jsonl.ts';
import { readJsonArray } from './readers/json.ts';
import { readParquet } from './readers/parquet.ts';
import { emptyCatalogue } from './readers/header.ts';

export { emptyCatalogue };
import { checkRecord, type JsonResult } from './row.ts';
import { readOpenApi } from '../openapi/read.ts';
import { looksLikeOpenApiText } from '../openapi/document.ts';

export type { CatalogueRow, RawRecord, RowProblem, SourceLocation, CatalogueFormat } from './types.ts';
export { CATALOGUE_COLUMNS, type CatalogueColumn } from './columns.ts';
export { checkRecord, checkRecords } from './row.ts';

const FORMATS: Record<string, CatalogueFormat> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.parquet': 'parquet',
  '.yaml': 'openapi',
  '.yml': 'openapi',
};

/**
 * The format of a catalogue file, by its extension; a `.json` file is an OpenAPI document when it
 * holds an object with an `openapi` (or `swagger`) key near its start (a JSON catalogue is an array
 * of rows). `.yaml`/`.yml` are always OpenAPI.
 */
export function catalogueFormat(file: string): CatalogueFormat {
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) throw inputError(`unknown catalogue format "${extname(file) || '(no extension)'}": use .csv, .jsonl, .ndjson, .json, .parquet, or an OpenAPI 3 document (.yaml, .yml, .json)`, { file });
  if (format === 'json' && looksLikeOpenApiText(fileHead(file))) return 'openapi';
  return format;
}

/** The first bytes of a file, or '' when it cannot be read (the reader reports that properly). */
function fileHead(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(64 * 1024);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The records of a catalogue file, in file order, whatever its format. `label` is how the file
 * is named in source locations (a project-relative path, so findings carry no machine paths).
 */
export function readRecords(file: string, label = file): AsyncGenerator<RawRecord> {
  switch (catalogueFormat(file)) {
    case 'csv':
      return readCsv(file, label);
    case 'jsonl':
      return readJsonl(file, label);
    case 'json':
      return readJsonArray(file, label);
    case 'parquet':
      return readParquet(file, label);
    case 'openapi':
      return readOpenApi(file, label);
  }
}

export interface ReadCatalogueOptions {
  /** A bad row stops the read with an input error instead of becoming a problem. */
  strict?: boolean;
  /** How the file is named in source locations (default: the path as given). */
  label?: string;
  /** Called with each good row as it is read, before the whole catalogue is (to start work early). */
  onRow?: (row: CatalogueRow) => void;
}

export interface ReadCatalogueResult {
  rows: CatalogueRow[];
  problems: RowProblem[];
}

/**
 * Reads and checks every row; bad rows become problems (or, with `strict`, an error). A catalogue
 * without a single row (0 bytes, a header only, `[]`, a Parquet file of 0 rows) is an input error
 * in every format: built, linted or diffed, it would pass for an API with nothing in it.
 */
export async function readCatalogue(file: string, options: ReadCatalogueOptions = {}): Promise<ReadCatalogueResult> {
  await assertReadable(file);
  const label = options.label ?? file;
  if ((await stat(file)).size === 0) throw emptyCatalogue(label, 'the file is empty (0 bytes)');
  const rows: CatalogueRow[] = [];
  const problems: RowProblem[] = [];
  const schemaCache = new Map<string, JsonResult>(); // parsed schemas are shared, never modified
  for await (const record of readRecords(file, label)) {
    const result = checkRecord(record, schemaCache);
    if (result.ok) {
      rows.push(result.row);
      options.onRow?.(result.row);
    } else if (options.strict) throw inputError(result.problem.message, result.problem.source);
    else problems.push(result.problem);
  }
  // An OpenAPI document without a JSON response is a valid document of an API with none yet (the
  // old side of a diff that adds the first one), not an empty file.
  if (rows.length === 0 && problems.length === 0 && catalogueFormat(file) !== 'openapi') throw emptyCatalogue(label, 'no rows');
  return { rows, problems };
}

