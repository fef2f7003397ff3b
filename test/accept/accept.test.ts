import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { acceptFindings, loadIgnoreFile, type IgnoreEntry } from '../../src/accept/index.ts';
import { exitCodeFor } from '../../src/cli/exit-codes.ts';
import type { Finding } from '../../src/findings/index.ts';
import { renderJson } from '../../src/reports/json.ts';
import { renderMarkdown } from '../../src/reports/markdown.ts';
import { ruleById, RULES } from '../../src/rules/index.ts';
import { ApiconformError } from '../../src/util/errors.ts';
import { BUNDLED_CATALOGUE, removeDir, runCli, tempDir } from '../helpers.ts';
import { readFile } from 'node:fs/promises';

const removal: Finding = {
  ruleId: 'diff/required-property-removed',
  severity: 'error',
  api: 'd7sms',
  endpoint: 'send-viber-message',
  status: 200,
  pointer: '/$defs/status200/properties/created_at',
  message: 'created_at: is gone from the response',
  source: { file: 'data/catalogue.csv', line: 12 },
};
const widened: Finding = { ...removal, ruleId: 'diff/type-widened', pointer: '/$defs/status200/properties/request_id', message: 'request_id: may now be integer' };
const grade = (draft: Omit<Finding, 'severity'>) => ({ ...draft, severity: ruleById(draft.ruleId)!.severity }) as Finding;
const entry = (extra: Partial<IgnoreEntry> = {}): IgnoreEntry => ({ rule: 'diff/required-property-removed', api: 'd7sms', endpoint: 'send-viber-message', reason: 'v2 clients never read created_at', ...extra });

describe('accepted findings: one mechanism (ignore file + baseline) for every command', () => {
  it('an ignore entry accepts its finding: still reported, not counted for --fail-on', () => {
    const { findings } = acceptFindings([removal], { ignore: { file: 'apiconform.ignore.yaml', entries: [entry({ status: 200, pointer: removal.pointer! })] }, today: '2026-12-06' }, grade);
    expect(findings).toEqual([{ ...removal, accepted: { by: 'ignore', reason: 'v2 clients never read created_at' } }]);
    expect(exitCodeFor(findings, 'error')).toBe(0);
    expect(exitCodeFor([removal], 'error')).toBe(1);
  });

  it('matches on rule, api, endpoint and, when given, status and pointer (globs allowed), not on the message or line', () => {
    const accept = (e: IgnoreEntry, f: Finding = removal) => acceptFindings([f], { ignore: { file: 'i.yaml', entries: [e] }, today: '2026-12-06' }, grade).findings[0]!.accepted !== undefined;
    expect(accept(entry({ pointer: '/$defs/status200/properties/other' }))).toBe(false);
    expect(accept(entry({ status: 201 }))).toBe(false);
    expect(accept(entry({ endpoint: 'send-*' }))).toBe(true);
    expect(accept(entry({ rule: 'diff/*', api: '*', endpoint: '*' }), widened)).toBe(true);
    expect(accept(entry(), { ...removal, message: 'reworded', source: { file: 'x.csv', line: 999 } })).toBe(true);
  });

  it('an entry that matches nothing, or has expired, is itself a warning; an expired entry accepts nothing', () => {
    const { findings } = acceptFindings(
      [removal],
      { ignore: { file: 'apiconform.ignore.yaml', entries: [entry({ expires: '2026-12-01', line: 3 }), entry({ api: 'smsto', line: 8 })] }, today: '2026-12-06' },
      grade,
    );
    expect(findings.map((f) => `${f.severity} ${f.ruleId} ${f.accepted ? 'accepted' : 'counted'} ${f.source?.line}`)).toEqual([
      'error diff/required-property-removed counted 12',
      'warning accept/expired-entry counted 3',
      'warning accept/unused-entry counted 8',
    ]);
    expect(findings[1]!.message).toContain('expired on 2026-12-01');
    expect(exitCodeFor(findings, 'error')).toBe(1);
  });

  it('a baseline accepts the findings it has (moved rows, reworded messages) and reports the ones gone as fixed', () => {
    const old = { ...widened, message: 'older wording', source: { file: 'data/catalogue.csv', line: 3 } };
    const gone = { ...removal, endpoint: 'num-lookup' };
    const { findings, fixed } = acceptFindings([widened, removal], { baseline: { file: 'base.json', findings: [old, gone] } }, grade);
    expect(findings.find((f) => f.ruleId === 'diff/type-widened')!.accepted).toEqual({ by: 'baseline', reason: 'in the baseline base.json' });
    expect(findings.find((f) => f.ruleId === 'diff/required-property-removed')!.accepted).toBeUndefined();
    expect(fixed).toEqual([gone]);
  });

  it('reports show accepted and fixed findings apart: findings.json marks them, summary.md lists them, totals leave them out', () => {
    const input = {
      tool: { name: 'apiconform', version: '0' },
      command: 'diff',
      catalogue: { file: 'c.csv', rows: 1, apis: 1, endpoints: 1, responses: 1 },
      findings: [{ ...removal, accepted: { by: 'ignore' as const, reason: 'v2 clients never read created_at', expires: '2027-01-01' } }, widened],
      fixed: [{ ...removal, endpoint: 'num-lookup' }],
      cases: [],
      rules: RULES,
      failOn: 'error' as const,
    };
    const json = JSON.parse(renderJson(input)) as { totals: { error: number }; accepted: number; failed: boolean; findings: Finding[]; fixed: Finding[] };
    expect(json.totals.error).toBe(1);
    expect(json.accepted).toBe(1);
    expect(json.findings.map((f) => f.accepted?.reason)).toEqual(['v2 clients never read created_at', undefined]);
    expect(json.fixed.map((f) => f.endpoint)).toEqual(['num-lookup']);
    const md = renderMarkdown(input);
    expect(md).toContain('### Accepted (1, not counted)');
    expect(md).toContain('v2 clients never read created\\_at (until 2027-01-01)');
    expect(md).toContain('### Fixed since the baseline (1)');
    expect(md).toContain('**1 error**');
  });

  describe('the ignore file', () => {
    let dir: string;
    beforeAll(async () => (dir = await tempDir('apiconform-ignore-')));
    afterAll(async () => removeDir(dir));

    it('reads a YAML list with the line of each entry', async () => {
      const file = join(dir, 'ok.yaml');
      await writeFile(file, '# accepted changes\n- rule: diff/required-property-removed\n  api: d7sms\n  endpoint: send-viber-message\n  reason: v2 clients never read it\n  expires: 2027-01-31\n- rule: example/violates-schema\n  api: enode\n  endpoint: "*"\n  reason: provider fixing it\n');
      const loaded = await loadIgnoreFile(file);
      expect(loaded.entries.map((e) => [e.rule, e.line, e.expires])).toEqual([
        ['diff/required-property-removed', 2, '2027-01-31'],
        ['example/violates-schema', 7, undefined],
      ]);
    });

    it('an entry without a reason, or with an unknown key, is a config error naming the entry', async () => {
      const file = join(dir, 'bad.yaml');
      await writeFile(file, '- rule: diff/type-widened\n  api: a\n  endpoint: b\n- rule: diff/type-widened\n  api: a\n  endpoint: b\n  reason: ok then\n  until: 2027-01-01\n');
      const error = await loadIgnoreFile(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiconformError);
      expect((error as ApiconformError).kind).toBe('config');
      expect((error as Error).message).toMatch(/entry 1: .*reason/);
      expect((error as Error).message).toContain('entry 2: unknown key "until"');
    });
  });

  it('apiconform baseline writes today\'s findings; lint --baseline then accepts them all (exit 0 at --fail-on info)', async () => {
    const dir = await tempDir('apiconform-baseline-');
    try {
      const baseline = join(dir, 'baseline.json');
      const written = runCli(['baseline', BUNDLED_CATALOGUE, '--from', 'lint', '--out', baseline]);
      expect(written.code).toBe(0);
      const saved = JSON.parse(await readFile(baseline, 'utf8')) as { findings: Finding[] };
      expect(saved.findings.length).toBeGreaterThan(0);
      expect(runCli(['lint', BUNDLED_CATALOGUE, '--out', join(dir, 'plain'), '--fail-on', 'info']).code).toBe(1);
      const run = runCli(['lint', BUNDLED_CATALOGUE, '--baseline', baseline, '--out', join(dir, 'lint'), '--fail-on', 'info']);
      expect(run.code).toBe(0);
      const report = JSON.parse(await readFile(join(dir, 'lint', 'findings.json'), 'utf8')) as { accepted: number; totals: Record<string, number>; fixed: Finding[] };
      expect(report.accepted).toBe(saved.findings.length);
      expect(report.totals).toEqual({ error: 0, warning: 0, info: 0 });
      expect(report.fixed).toEqual([]);
    } finally {
      await removeDir(dir);
    }
  }, 240_000);
});
