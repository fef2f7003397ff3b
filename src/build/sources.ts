import { createHash } from 'node:crypto';
import { firstField, scanCsvRecords, type CsvRecordRange, type CsvRecordScan } from '../catalogue/csv-records.ts';

/**
 * A CSV catalogue split, without parsing, into groups of records that belong to one endpoint
 * (by the endpoint uuid in the row id), each with a hash of its raw bytes. Comparing these hashes
 * with the previous manifest tells an incremental build which endpoints changed before any
 * csv-parse or JSON.parse work is done.
 */
export interface SourceGroup {
  key: string;
  hash: string;
  records: CsvRecordRange[];
}

export interface CsvSources {
  scan: CsvRecordScan;
  groups: Map<string, SourceGroup>;
}

const ROW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i;

/** Group key of a row id: its endpoint uuid, or the raw id for ids that do not parse. */
export function groupKeyOfRowId(id: string): string {
  const match = ROW_ID.exec(id.trim());
  return match ? match[1]!.toLowerCase() : `id:${id}`;
}

/** Undefined when the file cannot be split cleanly or `id` is not its first column. */
export function csvSources(bytes: Buffer, options: { hash?: boolean } = {}): CsvSources | undefined {
  const scan = scanCsvRecords(bytes);
  if (!scan || firstField(bytes, scan.header)?.trim() !== 'id') return undefined;
  const records = new Map<string, CsvRecordRange[]>();
  for (const record of scan.records) {
    const id = firstField(bytes, record);
    const key = id === undefined ? `line:${record.line}` : groupKeyOfRowId(id);
    const list = records.get(key);
    if (list) list.push(record);
    else records.set(key, [record]);
  }
  const groups = new Map<string, SourceGroup>();
  for (const [key, list] of records) {
    // without hashes (`diff` compares two buffers' groups byte by byte, which is cheaper)
    if (options.hash === false) {
      groups.set(key, { key, hash: '', records: list });
      continue;
    }
    const hash = createHash('sha256');
    for (const record of list) hash.update(bytes.subarray(record.start, record.end)).update('\n');
    groups.set(key, { key, hash: hash.digest('hex').slice(0, 16), records: list });
  }
  return { scan, groups };
}

/** The hashes to record in the manifest (sorted for a deterministic file). */
export function sourceHashes(sources: CsvSources): Record<string, string> {
  return Object.fromEntries([...sources.groups.values()].map((g) => [g.key, g.hash]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}
