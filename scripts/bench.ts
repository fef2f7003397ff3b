/**
 * `npm run bench`: the numbers the README quotes, measured on the full-size synthetic catalogue
 * (made deterministically by scripts/make-synthetic-catalogue.ts into .cache/, never committed).
 * Each phase runs the real CLI in a fresh process and reads its own `--stats` line (wall time,
 * peak RSS of the process including its worker threads).
 *
 *   npm run bench [-- --rows N] [--only all,build,checks,properties,contracts,diff,drift,drift-memory] [--cold-runs N]
 *
 * `all` runs the main job on the whole catalogue (cold, unchanged, one row changed) as a user
 * runs it, with the peak RSS of the whole process tree (worker threads and the Pact child
 * processes included, sampled from /proc), beside the parse floor measured in the same run.
 *
 * Deleting the previous run's trees (tens of thousands of files on an ext4 mounted with
 * `discard`) keeps the kernel busy for a while after; it happens after the measurements, not
 * before them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { availableParallelism, cpus } from 'node:os';
import { readFile } from 'node:fs/promises';
import { changeOneRow } from './synthetic/change-one-row.ts';
import { writeFileAtomic } from '../src/util/atomic-write.ts';
import { scanCsvRecords, firstField } from '../src/catalogue/csv-records.ts';
import { groupKeyOfRowId } from '../src/build/sources.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { rows: { type: 'string' }, only: { type: 'string' }, 'cold-runs': { type: 'string' } } });
const wanted = (section: string) => !values.only || values.only.split(',').includes(section);
const work = join(root, '.cache/bench');
const synthetic = join(root, '.cache/synthetic', values.rows ? `catalogue-${values.rows}.csv` : 'catalogue.csv');
const catalogue = join(work, 'catalogue.csv');
const generated = join(work, 'generated');

interface Phase {
  name: string;
  seconds: number;
  peakRssMb: number;
  rows: number;
  exitCode: number | null;
  note?: string;
}
const phases: Phase[] = [];

function cli(args: string[]): { seconds: number; peakRssMb: number; exitCode: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'src/cli/apiconform.js'), ...args, '--stats'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const line = /stats: (\{.*\})/.exec(result.stderr ?? '');
  if (!line) throw new Error(`no stats from apiconform ${args.join(' ')} (exit ${result.status}):\n${result.stderr}`);
  const stats = JSON.parse(line[1]!) as { seconds: number; peakRssMb: number };
  return { ...stats, exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

function record(name: string, rows: number, run: ReturnType<typeof cli>, note?: string): void {
  phases.push({ name, seconds: run.seconds, peakRssMb: run.peakRssMb, rows, exitCode: run.exitCode, ...(note ? { note } : {}) });
  console.log(`  ${name.padEnd(34)} ${run.seconds.toFixed(2).padStart(7)} s  ${Math.round(rows / run.seconds).toLocaleString('en').padStart(9)} rows/s  ${String(run.peakRssMb).padStart(5)} MB${note ? `  ${note}` : ''}`);
}

async function main(): Promise<void> {
  if (!existsSync(synthetic)) {
    console.log(`making the synthetic catalogue (${values.rows ?? 'full size'}) …`);
    const args = [join(root, 'src/cli/run-ts.js'), join(root, 'scripts/make-synthetic-catalogue.ts'), '--out', synthetic, ...(values.rows ? ['--rows', values.rows] : [])];
    const made = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (made.status !== 0) throw new Error('synthetic catalogue generation failed');
  }
  const trash = `${work}-old-${process.pid}`;
  if (existsSync(work)) await rename(work, trash);
  await mkdir(work, { recursive: true });
  await copyFile(synthetic, catalogue);
  const bytes = (await stat(catalogue)).size;
  const rowsCounted = JSON.parse(cli(['build', catalogue, '--out', join(work, 'probe'), '--check', '--json']).stdout).rows as number;
  await rm(join(work, 'probe'), { recursive: true, force: true });

  console.log(`apiconform bench — ${rowsCounted.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'cpu'}), node ${process.version}`);
  if (wanted('all')) await benchAll(rowsCounted);
  if (wanted('build')) await benchBuild(rowsCounted);
  if (wanted('checks')) await benchChecks(rowsCounted);
  if (wanted('properties')) await benchProperties(rowsCounted);
  if (wanted('contracts')) await benchContracts();
  if (wanted('diff')) await benchDiff(rowsCounted);
  if (wanted('drift')) await benchDrift();
  if (wanted('drift-memory')) await benchDriftMemory();

  await writeFileAtomic(join(work, 'results.json'), `${JSON.stringify({ rows: rowsCounted, bytes, cores: availableParallelism(), node: process.version, phases }, null, 2)}\n`);
  console.log(`\nresults: ${join(work, 'results.json')}`);
  await rm(trash, { recursive: true, force: true });
}

/** The RSS of a process and all its descendants, in MB, from /proc (Linux). */
async function treeRssMb(pid: number): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      rss.set(Number(name), (Number(fields[21]) * 4096) / 1e6);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const visit = (p: number) => {
    total += rss.get(p) ?? 0;
    for (const [child, parent] of parents) if (parent === p) visit(child);
  };
  visit(pid);
  return total;
}

/** The CLI as a user runs it, timed from process start, with the peak RSS of its whole process tree. */
async function cliTree(args: string[]): Promise<ReturnType<typeof cli>> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'src/cli/apiconform.js'), ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let peak = 0;
  const timer = setInterval(() => void treeRssMb(child.pid!).then((mb) => (peak = Math.max(peak, mb))), 250);
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peak), exitCode, stdout, stderr };
}

/**
 * The main job at full size, as a user runs it: cold (no cache, fresh output folders), on the
 * unchanged catalogue, and after one row changed; and the parse floor (reading every row with the
 * catalogue reader, nothing else) in the same run, so the figures can be read against it.
 */
async function benchAll(rowsCounted: number): Promise<void> {
  console.log('all (targets: cold ≤ 180 s, unchanged ≤ 10 s, one row changed ≤ 30 s, peak RSS of the process tree ≤ 2 GB)');
  const floorStarted = performance.now();
  const floor = spawnSync(process.execPath, [join(root, 'src/cli/run-ts.js'), join(root, 'scripts/parse-floor.ts'), catalogue], { cwd: root, encoding: 'utf8' });
  if (floor.status !== 0) throw new Error(`parse floor failed:\n${floor.stderr}`);
  record('parse floor (read every row)', rowsCounted, { seconds: (performance.now() - floorStarted) / 1000, peakRssMb: 0, exitCode: 0, stdout: '', stderr: '' }, floor.stdout.trim());
  const dir = join(work, 'all');
  await mkdir(dir, { recursive: true });
  const config = join(dir, 'apiconform.config.json');
  await writeFileAtomic(config, JSON.stringify({ generated: join(dir, 'generated'), contracts: join(dir, 'contracts'), reports: join(dir, 'reports') }));
  await rm(join(root, 'node_modules/.cache/apiconform'), { recursive: true, force: true });
  const args = ['all', catalogue, '--config', config, '--fail-on', 'never', '--json'];
  const summary = (run: Awaited<ReturnType<typeof cliTree>>) => {
    if (run.exitCode !== 0) throw new Error(`all failed (exit ${run.exitCode}):\n${run.stderr.slice(-3000)}`);
    const result = JSON.parse(run.stdout) as { totals: { error: number; warning: number; info: number }; findings: Array<{ ruleId: string }> };
    const rules = (prefix: string) => result.findings.filter((f) => f.ruleId.startsWith(prefix)).length;
    return `${result.totals.error} errors, ${result.totals.warning} warnings, ${result.totals.info} infos (${rules('property/')} property, ${rules('contract/')} contract)`;
  };
  const cold = await cliTree(args);
  record('all cold', rowsCounted, cold, summary(cold));
  const warm = await cliTree(args);
  record('all, unchanged catalogue', rowsCounted, warm, summary(warm));
  // the user edits one row of their catalogue (the sections after this one start from that)
  const changed = await changeOneRow(catalogue, catalogue);
  const incremental = await cliTree(args);
  record('all after a one-row change', rowsCounted, incremental, `row ${changed.row} (line ${changed.line}); ${summary(incremental)}`);
}

async function benchBuild(rowsCounted: number): Promise<void> {
  console.log('build (targets: cold ≤ 20 s, warm no-op ≤ 1 s, one-row change ≤ 2 s, peak RSS ≤ 2 GB)');
  // Cold: each run into a fresh folder (nothing deleted in between); the median is the figure,
  // the others show how much this shared machine varies.
  const runs = Math.max(1, Number(values['cold-runs'] ?? 3));
  const colds: Array<ReturnType<typeof cli>> = [];
  let coldResult: { regenerated: number; written: string[] } | undefined;
  for (let i = 1; i <= runs; i++) {
    const cold = cli(['build', catalogue, '--out', i === runs ? generated : `${generated}-cold-${i}`, '--json']);
    if (cold.exitCode !== 0) throw new Error(`cold build failed:\n${cold.stderr}`);
    coldResult = JSON.parse(cold.stdout) as { regenerated: number; written: string[] };
    colds.push(cold);
  }
  const sorted = [...colds].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const spread = runs > 1 ? `; ${runs} runs: ${colds.map((c) => c.seconds.toFixed(1)).join(', ')} s, peak RSS up to ${Math.max(...colds.map((c) => c.peakRssMb))} MB` : '';
  record(runs > 1 ? 'build cold (median)' : 'build cold', rowsCounted, median, `${coldResult!.regenerated} endpoints, ${coldResult!.written.length} files${spread}`);
  const warm = cli(['build', catalogue, '--out', generated, '--json']);
  record('build warm (no-op)', rowsCounted, warm, JSON.parse(warm.stdout).noOp ? 'no-op' : 'NOT a no-op');
  const changed = await changeOneRow(catalogue, catalogue);
  const incremental = cli(['build', catalogue, '--out', generated, '--json']);
  const incrementalResult = JSON.parse(incremental.stdout) as { regenerated: number; written: string[] };
  record('build after a one-row change', rowsCounted, incremental, `row ${changed.row} (line ${changed.line}): ${incrementalResult.regenerated} endpoint regenerated, ${incrementalResult.written.length} files written`);
  const check = cli(['build', catalogue, '--out', generated, '--check']);
  record('build --check (up to date)', rowsCounted, check, check.exitCode === 0 ? 'clean' : `exit ${check.exitCode}`);
}

/** Lint + example validation, cold (no verdict cache) and warm. */
async function benchChecks(rowsCounted: number): Promise<void> {
  console.log('lint + validate (targets: cold ≤ 25 s together, warm ≤ 5 s, peak RSS ≤ 2 GB)');
  await rm(join(root, 'node_modules/.cache/apiconform'), { recursive: true, force: true });
  const reports = join(work, 'reports');
  for (const [name, args] of [
    ['validate cold (no cache)', ['validate', catalogue, '--runs', '0', '--out', join(reports, 'validate'), '--format', 'json', '--fail-on', 'never']],
    ['validate warm (verdict cache)', ['validate', catalogue, '--runs', '0', '--out', join(reports, 'validate'), '--format', 'json', '--fail-on', 'never']],
    ['lint cold (no result cache)', ['lint', catalogue, '--out', join(reports, 'lint'), '--format', 'json', '--fail-on', 'never']],
    ['lint warm', ['lint', catalogue, '--out', join(reports, 'lint'), '--format', 'json', '--fail-on', 'never']],
  ] as const) {
    const run = cli([...args]);
    if (run.exitCode !== 0) throw new Error(`${name} failed:\n${run.stderr}`);
    const findings = /(\d+) errors/.exec(run.stderr)?.[1];
    const kind = name.startsWith('lint') ? 'rows linted' : 'validations';
    record(name, rowsCounted, run, `${Math.round(rowsCounted / run.seconds).toLocaleString('en')} ${kind}/s; ${findings ?? '?'} errors found`);
  }
}

/**
 * Generator throughput over the synthetic catalogue's distinct status schemas (a sample of them,
 * from the documents the build bench wrote), and `validate --runs 100` on the whole catalogue.
 */
async function benchProperties(rowsCounted: number): Promise<void> {
  console.log('property-based generation and checks');
  const { measureGeneration } = await import('../src/arbitraries/measure.ts');
  const { readManifest } = await import('../src/build/index.ts');
  if (!(await readManifest(generated))) cli(['build', catalogue, '--out', generated]); // not timed here
  const manifest = await readManifest(generated);
  if (!manifest) throw new Error('the build of the synthetic catalogue failed');
  const seen = new Set<string>();
  const targets: Array<{ document: unknown; pointer: string }> = [];
  for (const api of manifest.apis) {
    for (const endpoint of api.endpoints) {
      const fresh = endpoint.statuses.filter((s) => !seen.has(s.schemaHash));
      if (fresh.length === 0 || targets.length >= 1_500) continue;
      const document = JSON.parse(await readFile(join(generated, endpoint.files.schema), 'utf8')) as unknown;
      for (const status of fresh) {
        seen.add(status.schemaHash);
        targets.push({ document, pointer: `/$defs/status${status.status}` });
      }
    }
  }
  const distinct = new Set(manifest.apis.flatMap((a) => a.endpoints.flatMap((e) => e.statuses.map((s) => s.schemaHash)))).size;
  const started = performance.now();
  const measure = measureGeneration(targets, { samplesPerSchema: 50, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  phases.push({ name: 'generator samples', seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rows: measure.samples, exitCode: 0 });
  console.log(
    `  generator: ${measure.schemas.toLocaleString('en')} of ${distinct.toLocaleString('en')} distinct status schemas × 50 samples: ` +
      `${Math.round(measure.samplesPerSecond).toLocaleString('en')} samples/s drawing, ${Math.round(measure.overallSamplesPerSecond).toLocaleString('en')} samples/s with construction ` +
      `(${(measure.constructionMs / measure.schemas).toFixed(1)} ms per schema to build); refused: ${measure.refused.unsatisfiable} unsatisfiable, ${measure.refused.unsupported} unsupported`,
  );
  // The property checks of the whole catalogue, from no cache (the example checks' cache is warm,
  // so the time is mostly the property phase's).
  await rm(join(root, 'node_modules/.cache/apiconform/properties.json'), { force: true });
  const run = await cliTree(['validate', catalogue, '--runs', '100', '--seed', '1', '--out', join(work, 'reports/properties'), '--format', 'json', '--fail-on', 'never', '--json']);
  if (run.exitCode !== 0) throw new Error(`validate --runs failed:\n${run.stderr}`);
  const result = JSON.parse(run.stdout) as { catalogue: { rows: number }; findings: Array<{ ruleId: string }> };
  const count = (rule: string) => result.findings.filter((f) => f.ruleId === rule).length;
  record(
    'validate --runs 100 (whole catalogue)',
    result.catalogue.rows,
    run,
    `drift-blind ${count('property/drift-blind')}, contract too strict ${count('property/contract-too-strict')}, blind spots ${count('property/contract-blind-spot')}, mock ${count('property/mock-nonconforming')}, unsupported ${count('property/unsupported')}`,
  );
}

/** Contracts + verification for the bundled catalogue and 1,000 synthetic endpoints. */
async function benchContracts(): Promise<void> {
  console.log('contracts + verify against the mock');
  const subset = join(work, 'catalogue-1000-endpoints.csv');
  const endpoints = await writeEndpointSubset(catalogue, subset, 1000);
  for (const [label, source, count] of [['bundled catalogue', join(root, 'data/catalogue.csv'), 76], ['synthetic, 1,000 endpoints', subset, endpoints]] as const) {
    const out = join(work, `contracts-${count}`);
    const contracts = cli(['contracts', source, '--out', out, '--json']);
    if (contracts.exitCode !== 0) throw new Error(`contracts failed:\n${contracts.stderr}`);
    const written = JSON.parse(contracts.stdout) as { interactions: number; files: string[] };
    record(`contracts (${label})`, written.interactions, contracts, `${written.files.length} pact files, ${written.interactions} interactions (rows/s = interactions/s)`);
    const verify = cli(['verify', '--catalogue', source, '--pact', out, '--out', join(work, `verify-${count}`), '--format', 'json', '--json', '--fail-on', 'never']);
    const verdict = JSON.parse(verify.stdout) as { passed: number; failed: number; pending: number };
    record(`verify (${label})`, written.interactions, verify, `${verdict.passed} passed, ${verdict.failed} failed, ${verdict.pending} pending`);
  }
}

/** `diff` between the full-size catalogue and a copy with one row changed (one property added). */
async function benchDiff(rowsCounted: number): Promise<void> {
  console.log('diff (two full-size catalogue versions)');
  const changed = join(work, 'catalogue-changed.csv');
  await changeOneRow(synthetic, changed);
  const run = cli(['diff', synthetic, changed, '--out', join(work, 'reports/diff'), '--format', 'json', '--json', '--fail-on', 'never']);
  if (run.exitCode !== 0) throw new Error(`diff failed:\n${run.stderr}`);
  const result = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string }> };
  record('diff, one row changed', rowsCounted * 2, run, `${result.findings.length} finding(s): ${[...new Set(result.findings.map((f) => f.ruleId))].join(', ')} (rows/s counts both catalogues)`);
}

/**
 * `drift` against the mock provider (a separate process, so the calls are real HTTP) for the first
 * 1,000 synthetic endpoints, every endpoint bound, concurrency 8: what the run itself costs per call.
 */
async function benchDrift(): Promise<void> {
  console.log('drift (every endpoint of 1,000 synthetic ones, against the mock provider)');
  const subset = join(work, 'catalogue-1000-endpoints.csv');
  if (!existsSync(subset)) await writeEndpointSubset(catalogue, subset, 1000);
  const port = 4300 + (process.pid % 1000);
  const server = spawn(process.execPath, [join(root, 'src/cli/apiconform.js'), 'serve', subset, '--port', String(port), '--quiet'], { cwd: root, stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    let routes: Array<{ api: string; endpoint: string; path: string }> | undefined;
    for (let i = 0; i < 120 && !routes; i++) {
      try {
        routes = (await (await fetch(`${base}/__apiconform/endpoints`)).json()) as typeof routes;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 250)); // not listening yet
      }
    }
    if (!routes) throw new Error('the mock provider did not start');
    const apis: Record<string, { baseUrl: string; endpoints: Record<string, { path: string }> }> = {};
    for (const route of routes) (apis[route.api] ??= { baseUrl: base, endpoints: {} }).endpoints[route.endpoint] = { path: route.path };
    const bindings = join(work, 'drift-bindings.json');
    await writeFileAtomic(bindings, JSON.stringify({ defaults: { retries: 0, timeoutMs: 10000 }, apis }));
    const run = cli(['drift', subset, '--bindings', bindings, '--concurrency', '8', '--out', join(work, 'reports/drift'), '--format', 'json', '--fail-on', 'never', '--json']);
    if (run.exitCode !== 0) throw new Error(`drift failed:\n${run.stderr}`);
    const result = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string }> };
    const calls = routes.length;
    const byRule = new Map<string, number>();
    for (const f of result.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    record('drift, 1,000 endpoints, mock', calls, run, `${calls} calls (rows/s = calls/s); findings: ${[...byRule].map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`);
  } finally {
    server.kill();
  }
}

/**
 * Drift's memory does not grow with the number of endpoints: the same 1,000 endpoints, each
 * answering a 4 MB JSON body (from a provider in its own process), default concurrency (4). Each body is
 * checked as it arrives and dropped, so peak RSS stays far below 1,000 × 4 MB.
 */
async function benchDriftMemory(): Promise<void> {
  console.log('drift memory (1,000 endpoints answering 4 MB each; target: peak RSS < 500 MB)');
  const subset = join(work, 'catalogue-1000-endpoints.csv');
  const endpoints = await writeEndpointSubset(catalogue, subset, 1000);
  const provider = `
    const item = (i) => ({ id: i, name: 'item ' + i, tags: ['a', 'b'], price: i / 100, active: i % 2 === 0 });
    const items = []; let size = 0;
    for (let i = 0; size < 4 * 1024 * 1024; i++) { const text = JSON.stringify(item(i)); items.push(text); size += text.length + 1; }
    const body = Buffer.from('{"data":[' + items.join(',') + ']}');
    require('node:http').createServer((request, response) => { request.resume(); response.writeHead(200, { 'content-type': 'application/json' }); response.end(body); })
      .listen(Number(process.argv[1]), '127.0.0.1');`;
  const port = 4300 + ((process.pid + 500) % 1000);
  const server = spawn(process.execPath, ['-e', provider, String(port)], { cwd: root, stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 120; i++) {
      try {
        await (await fetch(base)).arrayBuffer();
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 250)); // not listening yet
      }
    }
    // every endpoint of the subset, bound by its row id's api/endpoint uuids
    const { loadCatalogueModel } = await import('../src/model/index.ts');
    const { model } = await loadCatalogueModel(subset);
    const apis: Record<string, { baseUrl: string; endpoints: Record<string, { path: string }> }> = {};
    for (const api of model.apis) for (const endpoint of api.endpoints) (apis[api.id] ??= { baseUrl: base, endpoints: {} }).endpoints[endpoint.id] = { path: `/${api.slug}/${endpoint.slug}` };
    const bindings = join(work, 'drift-memory-bindings.json');
    await writeFileAtomic(bindings, JSON.stringify({ defaults: { retries: 0, timeoutMs: 60000 }, apis }));
    const run = cli(['drift', subset, '--bindings', bindings, '--out', join(work, 'reports/drift-memory'), '--format', 'json', '--fail-on', 'never', '--json']);
    if (run.exitCode !== 0) throw new Error(`drift failed:\n${run.stderr}`);
    const result = JSON.parse(run.stdout) as { findings: unknown[] };
    record('drift, 1,000 endpoints × 4 MB', endpoints, run, `${endpoints} calls, ${(endpoints * 4) / 1000} GB received; ${result.findings.length} findings; peak RSS ${run.peakRssMb < 500 ? 'under' : 'OVER'} 500 MB`);
  } finally {
    server.kill();
  }
}

/** The rows of the first `count` endpoints (file order) of a CSV catalogue, as a CSV. */
async function writeEndpointSubset(source: string, target: string, count: number): Promise<number> {
  const bytes = await readFile(source);
  const scan = scanCsvRecords(bytes)!;
  const keys = new Set<string>();
  const pieces: Buffer[] = [bytes.subarray(scan.header.start, scan.header.end)];
  for (const record of scan.records) {
    const key = groupKeyOfRowId(firstField(bytes, record) ?? '');
    if (!keys.has(key)) {
      if (keys.size === count) continue;
      keys.add(key);
    }
    pieces.push(Buffer.from('\n'), bytes.subarray(record.start, record.end));
  }
  await writeFileAtomic(target, Buffer.concat([...pieces, Buffer.from('\n')]));
  return keys.size;
}

await main();
