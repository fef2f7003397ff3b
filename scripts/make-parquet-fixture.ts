/**
 * Writes the reader tests' sample catalogue in the other formats from its CSV, so that all four
 * hold the same rows: test/fixtures/catalogue/sample.{parquet,jsonl,json} from sample.csv.
 * Parquet is written with hyparquet-writer, typed as the dataset's own file (int64 status,
 * float64 score, strings), so the Parquet reader is tested on what it will meet.
 *
 *   node src/cli/run-ts.js scripts/make-parquet-fixture.ts [SAMPLE.csv]
 *
 * Deterministic: test/catalogue/parquet-reader.test.ts regenerates the files and compares bytes.
 */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/util/atomic-write.ts';
import { errorMessage } from '../src/util/errors.ts';
import { readSeed, type CatalogueRecord } from './synthetic/seed.ts';
import { parquetBuffer } from './synthetic/write-catalogue.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE_CSV = resolve(root, 'test/fixtures/catalogue/sample.csv');

export interface SampleFixtures {
  parquet: Uint8Array;
  jsonl: string;
  json: string;
}

/** The sample's rows in the other three formats (values typed as the dataset types them). */
export async function sampleFixtures(csvFile = SAMPLE_CSV): Promise<SampleFixtures> {
  const { records } = await readSeed(csvFile);
  return {
    parquet: new Uint8Array(parquetBuffer(records)),
    jsonl: records.map((record: CatalogueRecord) => `${JSON.stringify(record)}\n`).join(''),
    json: `${JSON.stringify(records, null, 2)}\n`,
  };
}

async function main(): Promise<void> {
  const csv = resolve(process.argv[2] ?? SAMPLE_CSV);
  const fixtures = await sampleFixtures(csv);
  const base = csv.replace(/\.csv$/, '');
  await writeFileAtomic(`${base}.parquet`, fixtures.parquet);
  await writeFileAtomic(`${base}.jsonl`, fixtures.jsonl);
  await writeFileAtomic(`${base}.json`, fixtures.json);
  console.log(`wrote ${base}.{parquet,jsonl,json}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`make-parquet-fixture: ${errorMessage(error)}`);
    process.exitCode = 2;
  });
}
