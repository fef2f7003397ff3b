import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
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
    expect(() => parseFindingsJson(JSON.stringify(broken), 'x.json')).toThrow(/severity is "fatal"/);
    try {
      parseFindingsJson(JSON.stringify(broken), 'x.json');
    } catch (error) {
      expect((error as { context: unknown }).context).toEqual({ file: 'x.json', pointer: '/findings/2' });
    }
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
});
