import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { ApiconformError } from '../../src/util/errors.ts';
import { join } from 'node:path';
import { mergeReports, parseFindingsJson, renderJson, toFindingsJson, type FindingsJson } from '../../src/reports/index.ts';
import { fixtureInput, FIXTURE_CASES, FIXTURE_FINDINGS, FIXTURE_RULES } from './fixture.ts';
import { removeDir, runCli, tempDir } from '../helpers.ts';

const context = { tool: { name: 'apiconform', version: '0.1.0' }, rules: FIXTURE_RULES, failOn: 'error' as const };
/** The fixture split like two CI shards: the first half of the APIs and the rest. */
function shards(): [FindingsJson, FindingsJson] {
  const apis = [...new Set(FIXTURE_CASES.map((c) => c.api))].sort();
  const firstHalf = new Set(apis.slice(0, apis.length / 2));
  const part = (inFirst: boolean) =>
    toFindingsJson(
      fixtureInput({
        command: 'drift',
        findings: FIXTURE_FINDINGS.filter((f) => firstHalf.has(f.api) === inFirst),
        cases: FIXTURE_CASES.filter((c) => firstHalf.has(c.api) === inFirst),
      }),
    );
  return [part(true), part(false)];
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('apiconform-merge-');
});
afterAll(async () => removeDir(dir));

/** The input error parseFindingsJson throws for `text`: file, pointer and message. */
function problemOf(text: string): { file?: string; pointer?: string; message: string } {
  try {
    parseFindingsJson(text, 'x.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ApiconformError);
    expect((error as ApiconformError).kind).toBe('input');
    return { ...(error as ApiconformError).context, message: (error as Error).message };
  }
  throw new Error('expected an input error');
}

/** A valid findings.json with `edit` applied. */
function forged(edit: (report: Record<string, any>) => void): string {
  const report = JSON.parse(renderJson(fixtureInput())) as Record<string, any>;
  edit(report);
  return JSON.stringify(report);
}

describe('report --merge', () => {
  it('two shards merge into the report of the whole run', () => {
    const [a, b] = shards();
    expect(a.findings.length).toBeGreaterThan(0);
    expect(b.findings.length).toBeGreaterThan(0);
    const merged = mergeReports([{ file: 'a', report: a }, { file: 'b', report: b }], context);
    expect(toFindingsJson(merged)).toEqual(toFindingsJson(fixtureInput({ command: 'drift' })));
  });

  it('a finding in two reports counts once; severities stay as the runs graded them', () => {
    const [a] = shards();
    const regraded = structuredClone(a);
    regraded.findings[0]!.severity = 'info';
    const merged = mergeReports([{ file: 'a', report: a }, { file: 'a-again', report: structuredClone(a) }, { file: 'regraded', report: regraded }], context);
    expect(merged.findings).toHaveLength(a.findings.length + 1); // the regraded copy is a different finding
    expect(merged.cases).toHaveLength(a.cases.length);
  });

  it('refuses reports of different catalogues, and malformed files, naming the file and field', () => {
    const [a, b] = shards();
    b.catalogue.file = 'other.csv';
    expect(() => mergeReports([{ file: 'a.json', report: a }, { file: 'b.json', report: b }], context)).toThrow(/other\.csv.*different catalogues/);
    expect(() => parseFindingsJson('{"schema": "apiconform/findings@9"}', 'x.json')).toThrow(/expected "apiconform\/findings@1"/);
    expect(() => parseFindingsJson('not json', 'x.json')).toThrow(/not JSON/);
    const broken = JSON.parse(renderJson(fixtureInput())) as FindingsJson;
    (broken.findings[2] as { severity: string }).severity = 'fatal';
    expect(problemOf(JSON.stringify(broken))).toEqual({ file: 'x.json', pointer: '/findings/2/severity', message: 'must be one of error, warning, info, not "fatal"' });
  });

  it('the CLI merges files and report folders, writes the four formats, and exits on the merged findings', async () => {
    const [a, b] = shards();
    await mkdir(join(dir, 'shard-2'), { recursive: true });
    await writeFile(join(dir, 'shard-1.json'), JSON.stringify(a));
    await writeFile(join(dir, 'shard-2', 'findings.json'), JSON.stringify(b));
    const out = join(dir, 'merged');
    const run = runCli(['report', '--merge', join(dir, 'shard-1.json'), join(dir, 'shard-2'), '--out', out, '--json']);
    expect(run.code).toBe(FIXTURE_FINDINGS.some((f) => f.severity === 'error') ? 1 : 0);
    const merged = JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')) as FindingsJson;
    expect(merged.findings).toHaveLength(FIXTURE_FINDINGS.length);
    expect(merged.cases).toHaveLength(new Set(FIXTURE_CASES.map((c) => `${c.api}/${c.endpoint}/${c.status}`)).size);
    expect((JSON.parse(run.stdout) as { reports: string[] }).reports.map((p) => p.split('/').pop()).sort()).toEqual(['findings.json', 'index.html', 'junit.xml', 'summary.md']);
    expect(runCli(['report', '--merge', join(dir, 'shard-1.json'), '--out', out, '--fail-on', 'never']).code).toBe(0);

    const missing = runCli(['report', '--merge', join(dir, 'nope.json'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    expect(runCli(['report']).code).toBe(2); // --merge is required
  });

  it('every findings.json the writer makes passes its JSON Schema', () => {
    for (const report of [...shards(), toFindingsJson(fixtureInput({ durationMs: 1234 }))]) {
      expect(parseFindingsJson(JSON.stringify(report), 'x.json')).toEqual(report);
    }
  });
});

describe('report --merge refuses a findings.json that is not one, naming the file and the pointer', () => {
  it.each([
    ['a negative count', (r: Record<string, any>) => (r.catalogue.rows = -5), '/catalogue/rows', /^must be >= 0, not -5$/],
    ['an absurd count', (r: Record<string, any>) => (r.catalogue.endpoints = 1e300), '/catalogue/endpoints', /^must be <= 10000000, not 1e\+300$/],
    ['a count that is not an integer', (r: Record<string, any>) => (r.totals.error = 1.5), '/totals/error', /^must be integer, not 1.5$/],
    ['a negative line', (r: Record<string, any>) => (r.findings[0].source = { file: 'a.csv', line: -1 }), '/findings/0/source/line', /^must be >= 0/],
    ['a status out of range', (r: Record<string, any>) => (r.cases[1].status = 100_000), '/cases/1/status', /^must be <= 999/],
    ['a missing field', (r: Record<string, any>) => delete r.findings[3].message, '/findings/3/message', /^is missing$/],
    ['a message of 2 MB', (r: Record<string, any>) => (r.findings[0].message = 'x'.repeat(2_000_000)), '/findings/0/message', /^must NOT have more than 1000000 characters$/],
    ['evidence nested 3,000 deep', (r: Record<string, any>) => (r.findings[1].evidence = JSON.parse(`${'['.repeat(3000)}${']'.repeat(3000)}`)), `/findings/1/evidence${'/0'.repeat(205)}`, /^nested more than 208 levels deep$/],
    ['deep evidence as objects', (r: Record<string, any>) => (r.findings[1].evidence = JSON.parse(`${'{"a/b":'.repeat(300)}1${'}'.repeat(300)}`)), `/findings/1/evidence${'/a~1b'.repeat(205)}`, /^nested more than 208 levels deep$/],
  ])('%s', (_, edit, pointer, message) => {
    const problem = problemOf(forged(edit));
    expect(problem.file).toBe('x.json');
    expect(problem.pointer).toBe(pointer);
    expect(problem.message).toMatch(message);
  });

  it('the CLI: a folder without findings.json, /dev/zero, a file too large, deep evidence are exit 2 with one line, never a crash', async () => {
    const empty = join(dir, 'empty-folder');
    await mkdir(empty, { recursive: true });
    const deep = join(dir, 'deep.json');
    await writeFile(deep, forged((r) => (r.findings[0].evidence = JSON.parse(`${'['.repeat(3000)}${']'.repeat(3000)}`))));
    const huge = join(dir, 'huge.json');
    await writeFile(huge, '');
    await truncate(huge, 200 * 1024 * 1024); // sparse: no disk, but more than any findings.json
    const cases: Array<[string, RegExp]> = [
      [empty, /empty-folder: is a folder without a findings\.json/],
      ['/dev/zero', /\/dev\/zero: is not a regular file/],
      [huge, /huge\.json: is 209715200 bytes, more than the 134217728 a findings\.json may have/],
      // the pointer alone is longer than an error line may be: the line is cut, and says so
      [deep, /deep\.json at \/findings\/0\/evidence(\/0)+… \d+ more characters/],
    ];
    for (const [given, message] of cases) {
      const run = runCli(['report', '--merge', given, '--out', join(dir, 'refused')]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
