import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse, CsvError, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { CsvRecordRange } from '../csv-records.ts';
import { inputError } from '../../util/errors.ts';
import type { RawRecord } from '../types.ts';
import { checkHeader, emptyCatalogue, recordFromArray } from './header.ts';

/**
 * Streams an RFC 4180 CSV (BOM, CRLF, quoted newlines and quotes all occur in the dataset's
 * exports). A record with the wrong number of fields is handed on with a `readerProblem` so the
 * run can go on. So is a record csv-parse cannot parse (an unclosed quote, a stray quote after a
 * closing one): it becomes a bad row at the line it starts on, and reading resumes on the next
 * line with a fresh parser. If that line was inside the broken record's quoted text, what is read
 * from it fails the row checks and is reported too; the records after it are read as they are.
 * (`--strict` makes the first bad row fatal, this one included.)
 */
export async function* readCsv(path: string, file = path): AsyncGenerator<RawRecord> {
  let header: string[] | undefined;
  let bytes: Buffer | undefined; // the whole file, loaded only to resume after a malformed record
  let fromLine = 1;
  for (;;) {
    const segment = readSegment(fromLine === 1 ? createReadStream(path) : Readable.from([bytes!.subarray(offsetOfLine(bytes!, fromLine))]), fromLine);
    let broken: { line: number; reason: string } | undefined;
    for await (const item of segment) {
      if ('broken' in item) {
        broken = item.broken;
        break;
      }
      const { fields, line } = item;
      if (!header) {
        header = fields.map((name) => name.trim());
        checkHeader(header, file); // also for a header-only file, which has no record to check it
        continue;
      }
      yield recordFromArray(header, fields, { file, line });
    }
    if (!broken) break;
    // a header that does not parse leaves nothing to map the records onto
    if (!header) throw inputError(`malformed CSV header: ${broken.reason}`, { file, line: broken.line });
    yield { values: {}, readerProblem: `is malformed CSV (${broken.reason})`, source: { file, line: broken.line } };
    bytes ??= await readFile(path);
    fromLine = broken.line + 1;
    if (offsetOfLine(bytes, fromLine) >= bytes.length) break;
  }
  if (!header) throw emptyCatalogue(file, 'no header row');
}

type SegmentItem = NumberedRecord | { broken: { line: number; reason: string } };

/**
 * Parses `input`, whose first line is line `firstLine` of the file, to its end or to the first
 * record csv-parse gives up on (then the last item says where that record starts, and why).
 */
async function* readSegment(input: NodeJS.ReadableStream, firstLine: number): AsyncGenerator<SegmentItem> {
  // Lines are counted here rather than taken from info.lines, which counts a quoted CRLF as two
  // lines and so drifts by one per quoted CRLF. A record starts after the previous one and the
  // blank lines skipped since, and spans as many lines as its fields hold line feeds (as in
  // csv-records.ts, so both paths give a row the same line). Counting happens in on_record, as
  // csv-parse parses; records it has parsed but the loop below has not yet taken are kept in
  // `pending`, because the stream drops them when the parser fails.
  let previousEndLine = firstLine - 1;
  let previousEmptyLines = 0;
  const pending: NumberedRecord[] = [];
  const options: Options<NumberedRecord, string[]> = {
    bom: firstLine === 1,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (fields, info) => {
      const line = previousEndLine + 1 + (info.empty_lines - previousEmptyLines);
      previousEndLine = line + lineFeeds(fields);
      previousEmptyLines = info.empty_lines;
      const record = { fields, line };
      pending.push(record);
      return record;
    },
  };
  // csv-parse's overloads type on_record's result only for parsers with `columns`.
  const parser = input.pipe(parse(options as unknown as Options));
  try {
    for await (const record of parser as AsyncIterable<NumberedRecord>) {
      pending.shift();
      yield record;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    yield* pending.splice(0);
    // csv-parse names the line where it gave up (for an unclosed quote, the end of the file);
    // the fault is in the record after the last complete one, so that is the line reported.
    yield { broken: { line: previousEndLine + 1, reason: error.message } };
  }
}

/** Byte offset where 1-based `line` starts (the length of `bytes` when it has fewer lines). */
function offsetOfLine(bytes: Buffer, line: number): number {
  let offset = 0;
  for (let at = 1; at < line; at++) {
    const feed = bytes.indexOf(0x0a, offset);
    if (feed === -1) return bytes.length;
    offset = feed + 1;
  }
  return offset;
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
