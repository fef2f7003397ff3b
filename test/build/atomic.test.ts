import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { build } from '../../src/build/index.ts';
import { recoverOutput } from '../../src/build/commit.ts';
import { BUNDLED_CATALOGUE, CLI, ROOT, readTree, removeDir, runCli, tempDir } from '../helpers.ts';

/**
 * A build killed at any moment (SIGKILL: no handler runs) must leave, once recovered, exactly the
 * previous tree or exactly the new one. The change between the two catalogues touches every kind
 * of step: every endpoint's files rewritten, an API added (a new folder), an API dropped (files
 * and folders removed), the indexes and the manifest.
 */
const STEP_TRIALS = 20;
const TIMER_TRIALS = 6;
/** APIs of the bundled catalogue taken (a few keep each trial's process short). */
const APIS = 6;
const SEED = 20261206;

let dir: string;
let oldCatalogue: string;
let newCatalogue: string;
let oldRef: string;
let oldTree: Map<string, string>;
let newTree: Map<string, string>;
let steps: number;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  dir = await tempDir();
  const rows = parse(await readFile(BUNDLED_CATALOGUE, 'utf8')) as string[][];
  const [header, ...body] = rows;
  const apis = [...new Set(body.map((r) => r[0]!.split('/')[0]!))].slice(0, APIS);
  const [onlyOld, onlyNew] = [apis[1]!, apis[2]!];
  const taken = body.filter((r) => apis.includes(r[0]!.split('/')[0]!));
  const oldRows = taken.filter((r) => !r[0]!.startsWith(onlyNew));
  const newRows = taken
    .filter((r) => !r[0]!.startsWith(onlyOld))
    .map((r) => {
      const row = [...r];
      row[8] = JSON.stringify({ wrapped: JSON.parse(row[8]!) }); // a new body for every endpoint
      return row;
    });
  oldCatalogue = join(dir, 'old.csv');
  newCatalogue = join(dir, 'new.csv');
  await writeFile(oldCatalogue, stringify([header!, ...oldRows], { record_delimiter: 'unix' }));
  await writeFile(newCatalogue, stringify([header!, ...newRows], { record_delimiter: 'unix' }));
  oldRef = join(dir, 'ref-old');
  const newRef = join(dir, 'ref-new');
  await build({ catalogue: oldCatalogue, out: oldRef, root: ROOT });
  await build({ catalogue: newCatalogue, out: newRef, root: ROOT });
  oldTree = await readTree(oldRef);
  newTree = await readTree(newRef);
  // how many changes the old → new build makes: each staged file, the journal, the moves, the removals…
  const probe = join(dir, 'probe');
  await cp(oldRef, probe, { recursive: true });
  const result = await build({ catalogue: newCatalogue, out: probe, root: ROOT });
  expect(await readTree(probe)).toEqual(newTree);
  steps = 2 * (result.written.length + 1) + result.removed.length + 3;
}, 120_000);
afterAll(async () => removeDir(dir));

async function trialDir(name: string): Promise<string> {
  const out = join(dir, name);
  await cp(oldRef, out, { recursive: true });
  return out;
}

function outcome(tree: Map<string, string>): 'old' | 'new' | 'neither' {
  if (equalTrees(tree, oldTree)) return 'old';
  if (equalTrees(tree, newTree)) return 'new';
  return 'neither';
}

function equalTrees(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([path, content]) => b.get(path) === content);
}

describe('a build killed at any moment', () => {
  it(`leaves exactly the previous tree or exactly the new one (${STEP_TRIALS} seeded kill points, some during recovery)`, async () => {
    const random = mulberry32(SEED);
    const seen = { old: 0, new: 0, neither: [] as string[] };
    for (let trial = 0; trial < STEP_TRIALS; trial++) {
      const out = await trialDir(`step-${trial}`);
      const at = 1 + Math.floor(random() * steps);
      const killed = runCli(['build', newCatalogue, '--out', out, '--json'], { env: { APICONFORM_TEST_CRASH_AT_STEP: String(at) } });
      expect(killed.signal ?? killed.code, `trial ${trial} (step ${at}): ${killed.stderr}`).toSatisfy((s: unknown) => s === 'SIGKILL' || s === 0);
      if (trial % 4 === 0) {
        // recovery killed too, then recovered again
        const again = runCli(['build', newCatalogue, '--out', out, '--check'], { env: { APICONFORM_TEST_CRASH_AT_STEP: String(1 + (trial % 4)) } });
        expect(again.signal ?? again.code).toSatisfy((s: unknown) => s === 'SIGKILL' || s === 0 || s === 1);
        recoverOutput(out);
      } else if (trial % 4 === 1) {
        // what a reader sees: `build --check` recovers first, then compares with the new catalogue
        const check = runCli(['build', newCatalogue, '--out', out, '--check']);
        expect(check.code, check.stderr).toSatisfy((c: unknown) => c === 0 || c === 1);
      } else {
        recoverOutput(out);
      }
      const result = outcome(await readTree(out));
      if (result === 'neither') seen.neither.push(`trial ${trial} (step ${at})`);
      else seen[result]++;
      await removeDir(out);
    }
    expect(seen.neither).toEqual([]);
    // the kill points fell both before and after the commit point
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
  }, 600_000);

  it(`survives a real kill -9 after a random delay (${TIMER_TRIALS} seeded delays)`, async () => {
    const random = mulberry32(SEED + 1);
    // time a whole incremental build, so that the delays cover all of it
    const timing = await trialDir('timing');
    const started = performance.now();
    expect(runCli(['build', newCatalogue, '--out', timing]).code).toBe(0);
    const full = performance.now() - started;
    const outcomes: string[] = [];
    for (let trial = 0; trial < TIMER_TRIALS; trial++) {
      const out = await trialDir(`timer-${trial}`);
      const delay = Math.round(full * (0.3 + 0.8 * random()));
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'build', newCatalogue, '--out', out], { cwd: ROOT, stdio: 'ignore' });
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      recoverOutput(out);
      outcomes.push(outcome(await readTree(out)));
      await removeDir(out);
    }
    expect(outcomes.filter((o) => o === 'neither')).toEqual([]);
  }, 600_000);

  it('a staging folder without a journal (a build killed before its commit) is rolled back before anything reads the tree', async () => {
    const out = await trialDir('uncommitted');
    await cp(join(dir, 'ref-new', 'types'), join(out, '.apiconform-staging', 'types'), { recursive: true });
    const check = runCli(['build', oldCatalogue, '--out', out, '--check']);
    expect(check.code, check.stderr).toBe(0);
    expect(equalTrees(await readTree(out), oldTree)).toBe(true);
  });
});
