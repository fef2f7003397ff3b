import { createReadStream } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { CsvRecordRange } from '../csv-records.ts';
import { inputError } from '../../util/errors.ts';
import type { RawRecord } from '../types.ts';
import { recordFromArray } from './header.ts';

/**
 * Streams an RFC 4180 CSV (BOM, CRLF, quoted newlines and quotes all occur in the dataset's
 * exports). A record with the wrong number of fields is handed on with a `readerProblem` so the
 * run can go on; a structural error (an unclosed quote swallows the rest of the file) cannot be
 * recovered from safely and stops the read with an input error naming the line.
 */
export async function* readCsv(path: string, file = path): AsyncGenerator<RawRecord> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true }),
  );
  let header: string[] | undefined;
  let previousEndLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is the line the record ends on; it starts on the line after the previous one.
      const line = previousEndLine + 1;
      previousEndLine = info.lines;
      if (!header) {
        header = record.map((name) => name.trim());
        continue;
      }
      yield recordFromArray(header, record, { file, line });
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw inputError(`malformed CSV: ${error.message}`, { file, line }, error);
    }
    throw error;
  }
  if (!header) throw inputError('empty catalogue: no header row', { file });
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
