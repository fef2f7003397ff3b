/**
 * Makes the full-size synthetic catalogue for benchmarks (never committed as data): 28,059 rows,
 * ~115 MB of CSV, ~2,500 APIs, derived deterministically from the bundled catalogue.
 *
 *   node src/cli/run-ts.js scripts/make-synthetic-catalogue.ts [--rows N] [--seed S]
 *        [--out FILE] [--format csv|jsonl|parquet] [--from data/catalogue.csv] [--huge N]
 *        [--broken SHARE]   (share of examples made not to match their schema, default 0.1)
 *
 * Same options, same bytes. The summary it prints is measured from the rows written.
 */
import { parseArgs } from 'node:util';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { errorMessage } from '../src/util/errors.ts';
import {
  FULL_SIZE_ROWS, emptyReport, generateSyntheticCatalogue, readSeed, StatsCollector, writeCatalogue, type CatalogueRecord, type OutputFormat,
} from './synthetic/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FORMATS: readonly OutputFormat[] = ['csv', 'jsonl', 'parquet'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: String(FULL_SIZE_ROWS) },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      from: { type: 'string', default: resolve(root, 'data/catalogue.csv') },
      huge: { type: 'string' },
      broken: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('usage: make-synthetic-catalogue [--rows N] [--seed S] [--out FILE] [--format csv|jsonl|parquet] [--from SEED.csv] [--huge N] [--broken SHARE]');
    return;
  }
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a positive integer, got ${values.rows}`);
  const format = values.format as OutputFormat;
  if (!FORMATS.includes(format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}, got ${values.format}`);
  const hugeRows = values.huge === undefined ? undefined : Number(values.huge);
  const brokenShare = values.broken === undefined ? undefined : Number(values.broken);
  if (brokenShare !== undefined && !(brokenShare >= 0 && brokenShare <= 1)) throw new Error(`--broken must be a share from 0 to 1, got ${values.broken}`);
  const out = resolve(values.out ?? resolve(root, `.cache/synthetic/catalogue.${format}`));

  const started = performance.now();
  const seed = await readSeed(resolve(values.from));
  const report = emptyReport();
  const stats = new StatsCollector();
  const records = function* (): Generator<CatalogueRecord> {
    for (const record of generateSyntheticCatalogue(seed, { rows, seed: values.seed, hugeRows, brokenShare }, report)) {
      stats.add(record);
      yield record;
    }
  };
  const bytes = await writeCatalogue(records(), out, format);
  const seconds = (performance.now() - started) / 1000;

  const s = stats.result();
  const broken = Object.values(report.broken).reduce((a, b) => a + b, 0);
  const lines = [
    `wrote ${out}`,
    `  rows                      ${s.rows} (${report.seedRows} from the seed)`,
    `  bytes                     ${bytes} (${(bytes / 1e6).toFixed(1)} MB)`,
    `  APIs                      ${s.apis}`,
    `  endpoints                 ${s.endpoints}`,
    `  endpoint×status           ${s.endpointStatuses}`,
    `  distinct schema texts     ${s.distinctSchemaTexts} (${pct(s.repeatedSchemaShare)} of rows repeat an earlier text)`,
    `  distinct canonical        ${s.distinctCanonicalSchemas} (${pct(1 - s.distinctCanonicalSchemas / s.rows)} of rows repeat an earlier schema)`,
    `  max body / schema chars   ${s.maxBodyChars} / ${s.maxSchemaChars} (${report.hugeRows} giants)`,
    `  bodies ≥1k / ≥10k chars   ${s.bodiesOver1k} / ${s.bodiesOver10k}`,
    `  statuses                  ${s.statuses.slice(0, 14).map(([k, n]) => `${k}:${n}`).join(' ')}`,
    `  null score / summary      ${s.nullScores} / ${s.nullSummaries}; empty endpoint descriptions ${s.emptyEndpointDescriptions}`,
    `  broken examples           ${broken} (${Object.entries(report.broken).map(([k, n]) => `${k} ${n}`).join(', ')}), plus the seed's own`,
    `  time                      ${seconds.toFixed(1)} s`,
  ];
  console.log(lines.join('\n'));
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

main().catch((error: unknown) => {
  console.error(`make-synthetic-catalogue: ${errorMessage(error)}`);
  process.exitCode = 2;
});
