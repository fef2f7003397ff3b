import { createReadStream } from 'node:fs';
import { parse, CsvError, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { CsvRecordRange } from '../csv-records.ts';
import { inputError } from '../../util/errors.ts';
import type { RawRecord } from '../types.ts';
import { checkHeader, emptyCatalogue, recordFromArray } from './header.ts';

/**
 * Streams an RFC 4180 CSV (BOM, CRLF, quoted newlines and quotes all occur in the dataset's
 * exports). A record with the wrong number of fields is handed on with a `readerProblem` so the
 * run can go on; a structural error (an unclosed quote swallows the rest of the file) cannot be
 * recovered from safely and stops the read with an input error naming the line.
 */
export async function* readCsv(path: string, file = path): AsyncGenerator<RawRecord> {
  // Lines are counted here rather than taken from info.lines, which counts a quoted CRLF as two
  // lines and so drifts by one per quoted CRLF. A record starts after the previous one and the
  // blank lines skipped since, and spans as many lines as its fields hold line feeds (as in
  // csv-records.ts, so both paths give a row the same line). Counting happens in on_record, as
  // csv-parse parses, so that on a parse error the count is at the broken record even when the
  // records before it were parsed but not yet consumed.
  let previousEndLine = 0;
  let previousEmptyLines = 0;
  const options: Options<NumberedRecord, string[]> = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (fields, info) => {
      const line = previousEndLine + 1 + (info.empty_lines - previousEmptyLines);
      previousEndLine = line + lineFeeds(fields);
      previousEmptyLines = info.empty_lines;
      return { fields, line };
    },
  };
  // csv-parse's overloads type on_record's result only for parsers with `columns`.
  const parser = createReadStream(path).pipe(parse(options as unknown as Options));
  let header: string[] | undefined;
  try {
    for await (const { fields, line } of parser as AsyncIterable<NumberedRecord>) {
      if (!header) {
        header = fields.map((name) => name.trim());
        checkHeader(header, file); // also for a header-only file, which has no record to check it
        continue;
      }
      yield recordFromArray(header, fields, { file, line });
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // csv-parse names the line where it gave up (for an unclosed quote, the end of the file);
      // the fault is in the record after the last complete one, so that is the line reported.
      throw inputError(`malformed CSV in the record that starts here: ${error.message}`, { file, line: previousEndLine + 1 }, error);
    }
    throw error;
  }
  if (!header) throw emptyCatalogue(file, 'no header row');
}

interface NumberedRecord {
  fields: string[];
  /** The line the record starts on. */
  line: number;
}

function lineFeeds(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Parses only some records of a CSV already in memory (the ones an incremental build found
 * changed), with csv-parse, keeping each record's real line from the scan. Returns undefined if
 * csv-parse does not see the same records the scan did; the caller then parses the whole file.
 */
export function parseCsvSubset(bytes: Buffer, scan: { header: CsvRecordRange }, records: readonly CsvRecordRange[], file: string): RawRecord[] | undefined {
  const pieces: Buffer[] = [bytes.subarray(scan.header.start, scan.header.end)];
  for (const record of records) pieces.push(NEWLINE, bytes.subarray(record.start, record.end));
  let parsed: string[][];
  try {
    parsed = parseSync(Buffer.concat(pieces), { relax_column_count: true });
  } catch (error) {
    if (error instanceof CsvError) return undefined; // the full parse reports it with its real line
    throw error;
  }
  if (parsed.length !== records.length + 1) return undefined;
  const header = parsed[0]!.map((name) => name.trim());
  return records.map((record, index) => recordFromArray(header, parsed[index + 1]!, { file, line: record.line }));
}

const NEWLINE = Buffer.from('\n');
