/**
 * Finds record boundaries in an RFC 4180 CSV buffer without parsing fields: a record ends at a
 * line feed outside double quotes (`""` inside quotes toggles twice, so it needs no special case).
 * It runs at memchr speed (Buffer.indexOf), about 20× faster than a full parse, which is what lets
 * an incremental build find the few records that changed in a 115 MB catalogue and hand only those
 * to csv-parse. It is not a parser: a file it cannot split cleanly is simply parsed in full.
 */
export interface CsvRecordRange {
  /** Byte offsets of the record, without its line ending. */
  start: number;
  end: number;
  /** 1-based line the record starts on. */
  line: number;
}

export interface CsvRecordScan {
  header: CsvRecordRange;
  records: CsvRecordRange[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Splits `buffer` into records; undefined when a quote is left open (malformed: parse in full). */
export function scanCsvRecords(buffer: Uint8Array): CsvRecordScan | undefined {
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const length = bytes.length;
  let position = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // BOM
  let line = 1;
  const ranges: CsvRecordRange[] = [];
  while (position < length) {
    const start = position;
    const startLine = line;
    let cursor = position;
    let end = -1;
    let newline = -2; // next line feed at or after cursor, found once and reused while still ahead
    for (;;) {
      if (newline !== -1 && newline < cursor) newline = bytes.indexOf(LF, cursor);
      const quote = bytes.indexOf(QUOTE, cursor);
      if (quote !== -1 && (newline === -1 || quote < newline)) {
        // skip the quoted section, counting the line feeds inside it
        const close = closingQuote(bytes, quote + 1);
        if (close === -1) return undefined;
        line += countLineFeeds(bytes, quote + 1, close);
        cursor = close + 1;
        continue;
      }
      end = newline === -1 ? length : newline;
      position = newline === -1 ? length : newline + 1;
      if (newline !== -1) line++;
      break;
    }
    const trimmedEnd = end > start && bytes[end - 1] === CR ? end - 1 : end;
    if (trimmedEnd > start) ranges.push({ start, end: trimmedEnd, line: startLine });
  }
  const [header, ...records] = ranges;
  return header ? { header, records } : undefined;
}

function closingQuote(bytes: Buffer, from: number): number {
  let cursor = from;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, cursor);
    if (quote === -1) return -1;
    if (bytes[quote + 1] === QUOTE) {
      cursor = quote + 2; // an escaped quote
      continue;
    }
    return quote;
  }
}

function countLineFeeds(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = bytes.indexOf(LF, from); at !== -1 && at < to; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}

/**
 * The first field of a record (the row id in the dataset's column order), or undefined when it is
 * quoted in a way that needs a real parser.
 */
export function firstField(bytes: Buffer, record: CsvRecordRange): string | undefined {
  if (bytes[record.start] === QUOTE) {
    const close = bytes.indexOf(QUOTE, record.start + 1);
    if (close === -1 || close > record.end || bytes[close + 1] === QUOTE) return undefined;
    return bytes.toString('utf8', record.start + 1, close);
  }
  const comma = bytes.indexOf(0x2c, record.start);
  return bytes.toString('utf8', record.start, comma === -1 || comma > record.end ? record.end : comma);
}
