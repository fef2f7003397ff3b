import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { loadCatalogueModel } from '../../src/model/index.ts';
import { diffCatalogues } from '../../src/diff/index.ts';
import { runDiff } from '../../src/run/index.ts';
import { resolveConfig } from '../../src/config/index.ts';
import { BUNDLED_CATALOGUE, removeDir, runCli, tempDir } from '../helpers.ts';

/**
 * The gate as CI runs it: the old catalogue from git, an accepted change in the ignore file, a
 * deprecated property removed with a warning. One git repository, one change, several runs.
 */
const SCHEMA = 9;
const ENDPOINT = 4;
const STATUS = 6;
let repo: string;

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' }).toString();
const show = (findings: Array<{ severity: string; ruleId: string; endpoint: string; pointer?: string; accepted?: unknown }>) =>
  findings.map((f) => `${f.accepted ? 'accepted ' : ''}${f.severity} ${f.ruleId} ${f.endpoint} ${f.pointer ?? ''}`.trim()).sort();

async function edit(file: string, change: (rows: string[][]) => void): Promise<void> {
  const rows = parse(await readFile(file, 'utf8')) as string[][];
  change(rows);
  await writeFile(file, stringify(rows, { record_delimiter: 'unix' }));
}
const schemaOf = (rows: string[][], endpoint: string, status: string) => rows.find((r) => r[ENDPOINT] === endpoint && r[STATUS] === status)!;
const editSchema = (row: string[], change: (schema: { properties: Record<string, Record<string, unknown>>; required?: string[] }) => void) => {
  const schema = JSON.parse(row[SCHEMA]!);
  change(schema);
  row[SCHEMA] = JSON.stringify(schema);
};

beforeAll(async () => {
  repo = await tempDir('apiconform-gate-');
  const file = join(repo, 'catalogue.csv');
  await copyFile(BUNDLED_CATALOGUE, file);
  // version 1 marks NumLookup's `network` as deprecated
  await edit(file, (rows) => editSchema(schemaOf(rows, 'NumLookup', '200'), (s) => (s.properties.network = { ...s.properties.network, deprecated: true })));
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'v1');
  // version 2 removes the deprecated property and a required one, and makes a value nullable
  await edit(file, (rows) => {
    editSchema(schemaOf(rows, 'NumLookup', '200'), (s) => {
      delete s.properties.network;
      s.required = s.required?.filter((n) => n !== 'network');
    });
    editSchema(schemaOf(rows, 'Send Viber Message', '200'), (s) => {
      delete s.properties.created_at;
      s.required = s.required?.filter((n) => n !== 'created_at');
    });
  });
});
afterAll(async () => removeDir(repo));

describe('the breaking-change gate, as CI runs it', () => {
  it('reads the old catalogue from git (REV:PATH and --base), without temp files, and gates on the breaking change', () => {
    const out = join(repo, 'reports');
    const byRev = runCli(['diff', 'main:catalogue.csv', 'catalogue.csv', '--out', out, '--json'], { cwd: repo });
    expect(byRev.code).toBe(1);
    const result = JSON.parse(byRev.stdout) as { findings: Array<{ severity: string; ruleId: string; endpoint: string; pointer?: string }> };
    expect(show(result.findings)).toEqual([
      'error diff/required-property-removed send-viber-message /$defs/status200/properties/created_at',
      'warning diff/deprecated-removed num-lookup /$defs/status200/properties/network',
    ]);
    const byBase = runCli(['diff', '--base', 'main', 'catalogue.csv', '--out', out, '--json'], { cwd: repo });
    expect(byBase.code).toBe(1);
    expect(show((JSON.parse(byBase.stdout) as typeof result).findings)).toEqual(show(result.findings));
    const badRev = runCli(['diff', 'no-such-branch:catalogue.csv', 'catalogue.csv', '--out', out], { cwd: repo });
    expect(badRev.code).toBe(2);
    expect(badRev.stderr).toContain('no-such-branch');
    expect(badRev.stderr).not.toMatch(/\n\s+at /);
  }, 240_000);

  it('an ignore-file entry accepts the change (exit 0, reported as accepted); an entry that matches nothing is a warning', async () => {
    await writeFile(
      join(repo, 'apiconform.ignore.yaml'),
      [
        '- rule: diff/required-property-removed',
        '  api: d7sms',
        '  endpoint: send-viber-message',
        '  status: 200',
        '  reason: created_at moved to the delivery report; no v2 client reads it',
        '  expires: 2099-12-31',
        '- rule: diff/type-widened',
        '  api: smsto',
        '  endpoint: get-message-by-id',
        '  reason: already shipped',
        '',
      ].join('\n'),
    );
    const out = join(repo, 'reports-accepted');
    const run = runCli(['diff', '--base', 'main', 'catalogue.csv', '--out', out, '--json'], { cwd: repo });
    expect(run.code).toBe(0);
    const json = JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')) as { accepted: number; totals: { error: number; warning: number }; findings: Array<{ severity: string; ruleId: string; endpoint: string; pointer?: string; accepted?: unknown }> };
    expect(json.accepted).toBe(1);
    expect(json.totals).toMatchObject({ error: 0, warning: 2 });
    expect(show(json.findings)).toEqual([
      'accepted error diff/required-property-removed send-viber-message /$defs/status200/properties/created_at',
      'warning accept/unused-entry get-message-by-id',
      'warning diff/deprecated-removed num-lookup /$defs/status200/properties/network',
    ]);
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toContain('### Accepted (1, not counted)');
    expect(runCli(['diff', '--base', 'main', 'catalogue.csv', '--out', out, '--fail-on', 'warning'], { cwd: repo }).code).toBe(1);
  }, 240_000);

  it('skipping unchanged APIs finds exactly what comparing every row finds', async () => {
    const file = join(repo, 'catalogue.csv');
    const old = join(repo, 'v1.csv');
    await writeFile(old, execFileSync('git', ['show', 'main:catalogue.csv'], { cwd: repo }));
    const [before, after] = await Promise.all([loadCatalogueModel(old), loadCatalogueModel(file)]);
    const full = diffCatalogues(before.model, after.model).map((f) => `${f.ruleId} ${f.api}/${f.endpoint} ${f.status} ${f.pointer} ${f.source?.line}`).sort();
    const fast = await runDiff(old, file, { config: resolveConfig(undefined, {}), root: repo });
    expect(fast.findings.map((f) => `${f.ruleId} ${f.api}/${f.endpoint} ${f.status} ${f.pointer} ${f.source?.line}`).sort()).toEqual(full);
    expect(fast.catalogue).toMatchObject({ rows: 100, apis: 16, endpoints: 76 });
    // only the changed API (both edits are in D7SMS) was parsed and compared
    expect(new Set(fast.cases.map((c) => c.api))).toEqual(new Set(['d7sms']));
    // --match / --exclude keep or drop endpoints by slug glob
    const only = await runDiff(old, file, { config: resolveConfig(undefined, {}), root: repo, filter: { match: ['d7sms/num-*'] } });
    expect(only.findings.map((f) => f.endpoint)).toEqual(['num-lookup']);
    const without = await runDiff(old, file, { config: resolveConfig(undefined, {}), root: repo, filter: { exclude: ['*/num-lookup'] } });
    expect(without.findings.map((f) => f.endpoint)).toEqual(['send-viber-message']);
  });
});
