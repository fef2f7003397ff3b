/**
 * Turns the seed sample (the dataset viewer's text layout, see data/seed/README.md) into the
 * bundled catalogue, data/catalogue.csv. Deterministic: same sample in, same bytes out.
 *
 *   node src/cli/run-ts.js scripts/seed-to-csv.ts [SAMPLE] [OUT]
 *
 * Layout: 40 header lines (column name, type, min, max), then one value per line per row,
 * starting with the id line; an empty endpoint_description is left out, so a row has 10 lines
 * or 9. The id line (`<uuid>/<uuid>/<n>/<n>`) is what tells rows apart.
 */
import { readFile } from 'node:fs/promises';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { CATALOGUE_COLUMNS } from '../src/catalogue/columns.ts';
import { writeFileAtomic } from '../src/util/atomic-write.ts';
import { parseSeedSample } from './seed-sample.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const samplePath = resolve(process.argv[2] ?? resolve(root, 'data/seed/rapidapi-example-responses.sample.txt'));
const outPath = resolve(process.argv[3] ?? resolve(root, 'data/catalogue.csv'));

const rows = parseSeedSample(await readFile(samplePath, 'utf8'));
const csv = stringify([[...CATALOGUE_COLUMNS], ...rows], { record_delimiter: 'unix', quoted_match: /[",\n\r]/ });
await writeFileAtomic(outPath, csv);
console.log(`wrote ${rows.length} rows to ${outPath}`);
