/**
 * A copy of a CSV catalogue in which exactly one row's body and schema differ: one new property
 * in the body and the same property in its schema. Every other byte of the file is kept, so a
 * benchmark can measure an incremental rebuild after a one-row edit.
 *
 *   node src/cli/run-ts.js scripts/synthetic/change-one-row.ts IN.csv OUT.csv [--row N] [--key NAME]
 *
 * The row is the Nth data row (1-based) if given, otherwise the first row from the middle of the
 * file on whose body is an object and whose schema lists `properties` at the top.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { writeFileAtomic } from '../../src/util/atomic-write.ts';
import { errorMessage, inputError } from '../../src/util/errors.ts';
import { pythonJson } from './python-json.ts';
import { isObject } from './mutate-body.ts';

export interface ChangeOptions {
  /** 1-based index among the data rows; default: see the module comment. */
  row?: number;
  /** Name of the property added; default `synthetic_change`. */
  key?: string;
}

export interface ChangedRow {
  rowId: string;
  /** 1-based index among the data rows. */
  row: number;
  /** The file line the row starts on. */
  line: number;
  key: string;
}

interface Parsed {
  record: string[];
  info: { bytes: number };
}

export async function changeOneRow(inFile: string, outFile: string, options: ChangeOptions = {}): Promise<ChangedRow> {
  const input = await readFile(inFile);
  const { output, changed } = changeOneRowInBuffer(input, options, inFile);
  await writeFileAtomic(outFile, output);
  return changed;
}

export function changeOneRowInBuffer(input: Buffer, options: ChangeOptions = {}, file = '(buffer)'): { output: Buffer; changed: ChangedRow } {
  const key = options.key ?? 'synthetic_change';
  const parsed = parse(input, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Parsed[];
  const header = parsed[0]?.record;
  if (!header) throw inputError('empty catalogue: no header row', { file });
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw inputError(`missing column ${name}`, { file, line: 1 });
    return index;
  };
  const [idCol, bodyCol, schemaCol] = [column('id'), column('response_json'), column('response_json_schema')];
  const rows = parsed.length - 1;
  if (rows === 0) throw inputError('catalogue has no rows to change', { file });

  const changeable = (index: number): { body: Record<string, unknown>; schema: Record<string, unknown> } | undefined => {
    const fields = parsed[index]!.record;
    if (fields.length !== header.length) return undefined;
    try {
      const body: unknown = JSON.parse(fields[bodyCol]!);
      const schema: unknown = JSON.parse(fields[schemaCol]!);
      if (isObject(body) && !(key in body) && isObject(schema) && isObject(schema.properties)) return { body, schema };
    } catch {
      return undefined; // not JSON: not a row this tool can change; the search moves on
    }
    return undefined;
  };

  let index: number;
  if (options.row !== undefined) {
    if (!Number.isInteger(options.row) || options.row < 1 || options.row > rows) throw inputError(`--row must be from 1 to ${rows}, got ${options.row}`, { file });
    index = options.row;
    if (!changeable(index)) throw inputError(`row ${options.row} has no object body with a top-level properties schema to change`, { file });
  } else {
    const middle = Math.ceil(rows / 2);
    const order = [...Array.from({ length: rows - middle + 1 }, (_, i) => middle + i), ...Array.from({ length: middle - 1 }, (_, i) => i + 1)];
    const found = order.find((i) => changeable(i));
    if (found === undefined) throw inputError('no row has an object body with a top-level properties schema', { file });
    index = found;
  }

  const { body, schema } = changeable(index)!;
  const fields = [...parsed[index]!.record];
  fields[bodyCol] = pythonJson({ ...body, [key]: 'changed' });
  const properties = { ...(schema.properties as Record<string, unknown>), [key]: { type: 'string' } };
  const required = Array.isArray(schema.required) ? { required: [...(schema.required as string[]), key] } : {};
  fields[schemaCol] = pythonJson({ ...schema, properties, ...required });

  const start = parsed[index - 1]!.info.bytes;
  const end = parsed[index]!.info.bytes;
  const original = input.subarray(start, end).toString('utf8');
  const leading = /^(\r?\n)*/.exec(original)![0]; // blank lines csv-parse skipped before the row
  const delimiter = /\r\n$/.test(original) ? '\r\n' : /\n$/.test(original) ? '\n' : '';
  const text = stringify([fields], { record_delimiter: delimiter === '\r\n' ? 'windows' : 'unix', quoted_match: /[",\n\r]/, eof: delimiter !== '' });
  const output = Buffer.concat([input.subarray(0, start), Buffer.from(leading + text, 'utf8'), input.subarray(end)]);
  const linesBefore = countLineBreaks(input.subarray(0, start).toString('utf8')) + countLineBreaks(leading);
  return { output, changed: { rowId: fields[idCol]!, row: index, line: linesBefore + 1, key } };
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { row: { type: 'string' }, key: { type: 'string' } } });
  const [inFile, outFile] = positionals;
  if (!inFile || !outFile) throw new Error('usage: change-one-row IN.csv OUT.csv [--row N] [--key NAME]');
  const changed = await changeOneRow(resolve(inFile), resolve(outFile), {
    row: values.row === undefined ? undefined : Number(values.row),
    key: values.key,
  });
  console.log(`changed row ${changed.row} (${changed.rowId}, line ${changed.line}): added "${changed.key}" to response_json and response_json_schema`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`change-one-row: ${errorMessage(error)}`);
    process.exitCode = 2;
  });
}
