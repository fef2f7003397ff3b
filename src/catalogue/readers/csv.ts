import { createReadStream } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
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
