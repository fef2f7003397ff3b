/**
 * The parse floor of a catalogue: reading every row with apiconform's own reader (csv-parse or
 * the format's reader, JSON.parse of bodies and schemas, row checks) and nothing else. No command
 * can read the whole catalogue faster; `npm run bench` prints it beside the commands' times.
 *
 *   node src/cli/run-ts.js scripts/parse-floor.ts CATALOGUE
 */
import { performance } from 'node:perf_hooks';
import { readCatalogue } from '../src/catalogue/index.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: parse-floor CATALOGUE');
  process.exit(2);
}
const started = performance.now();
const { rows, problems } = await readCatalogue(file);
const seconds = (performance.now() - started) / 1000;
console.log(`${rows.length} rows (${problems.length} bad) read in ${seconds.toFixed(2)} s inside the process, ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
