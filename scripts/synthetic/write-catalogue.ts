/**
 * Writes catalogue records as CSV (RFC 4180, as the bundled catalogue is written), JSONL or
 * Parquet (the dataset's own format). Files appear atomically: written beside the target, then
 * renamed, so a benchmark never reads a half-written catalogue.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { CATALOGUE_COLUMNS } from '../../src/catalogue/columns.ts';
import { writeFileAtomic } from '../../src/util/atomic-write.ts';
import type { CatalogueRecord } from './seed.ts';

export type OutputFormat = 'csv' | 'jsonl' | 'parquet';

/** The CSV dialect of data/catalogue.csv (scripts/seed-to-csv.ts): LF, quotes only where needed. */
export const CSV_OPTIONS = { record_delimiter: 'unix', quoted_match: /[",\n\r]/ } as const;

/** The dataset's viewer and exports write a missing value as the word `null`. */
export function csvFields(record: CatalogueRecord): string[] {
  return CATALOGUE_COLUMNS.map((column) => {
    const value = record[column];
    return value === null ? 'null' : String(value);
  });
}

export function csvText(records: Iterable<CatalogueRecord>): string {
  return stringify([[...CATALOGUE_COLUMNS], ...[...records].map(csvFields)], CSV_OPTIONS);
}

/** Streams `records` to `file`; returns the number of bytes written. */
export async function writeCatalogue(records: Iterable<CatalogueRecord>, file: string, format: OutputFormat): Promise<number> {
  if (format === 'parquet') {
    const buffer = parquetBuffer([...records]);
    await writeFileAtomic(file, new Uint8Array(buffer));
    return buffer.byteLength;
  }
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const out = createWriteStream(tmp);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    if (format === 'csv') await write(stringify([[...CATALOGUE_COLUMNS]], CSV_OPTIONS));
    let batch: CatalogueRecord[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await write(format === 'csv' ? stringify(batch.map(csvFields), CSV_OPTIONS) : batch.map((r) => `${JSON.stringify(r)}\n`).join(''));
      batch = [];
    };
    for (const record of records) {
      batch.push(record);
      if (batch.length >= 50) await flush();
    }
    await flush();
    out.end();
    await once(out, 'finish');
    await rename(tmp, file);
  } catch (error) {
    out.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
  return bytes;
}

/** Column types as the dataset declares them (int64 status, float64 score, strings). */
export function parquetBuffer(records: readonly CatalogueRecord[], options: { rowGroupSize?: number } = {}): ArrayBuffer {
  const column = <K extends keyof CatalogueRecord>(name: K) => records.map((r) => r[name]);
  return parquetWriteBuffer({
    columnData: [
      { name: 'id', data: column('id'), type: 'STRING' },
      { name: 'api_name', data: column('api_name'), type: 'STRING' },
      { name: 'api_description', data: column('api_description'), type: 'STRING' },
      { name: 'api_score', data: column('api_score'), type: 'DOUBLE' },
      { name: 'endpoint_name', data: column('endpoint_name'), type: 'STRING' },
      { name: 'endpoint_description', data: column('endpoint_description'), type: 'STRING' },
      { name: 'response_status_code', data: records.map((r) => BigInt(r.response_status_code)), type: 'INT64' },
      { name: 'response_summary', data: column('response_summary'), type: 'STRING' },
      { name: 'response_json', data: column('response_json'), type: 'STRING' },
      { name: 'response_json_schema', data: column('response_json_schema'), type: 'STRING' },
    ],
    ...options,
  });
}
