import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.ts';
import { statusClass, summariseReport, verdictText, writeReports } from '../../src/reports/index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeDir, tempDir } from '../helpers.ts';
import { fixtureInput } from './fixture.ts';

const finding = (overrides: Partial<Finding>): Finding => ({
  ruleId: 'r/x',
  severity: 'warning',
  api: 'a',
  endpoint: 'e',
  message: 'm',
  ...overrides,
});

describe('summariseReport', () => {
  const summary = summariseReport(fixtureInput());

  it('ranks rules and APIs worst first: errors, then warnings, then infos', () => {
    expect(summary.byRule.map((r) => r.ruleId).slice(0, 3)).toEqual([
      'example/violates-schema',
      'status/validation-error-not-422',
      'catalogue/invalid-row',
    ]);
    expect(summary.byRule[0]).toMatchObject({ title: 'Example does not match its own schema', total: 10, counts: { error: 10, warning: 0, info: 0 } });
    expect(summary.byApi[0]).toMatchObject({ api: 'enode-api', apiName: 'Enode API', counts: { error: 10, warning: 0, info: 2 }, cases: 27 });
    expect(summary.byApi.at(-1)!.total).toBe(0);
  });

  it('shows a rule without a definition by its id', () => {
    const s = summariseReport(fixtureInput({ findings: [finding({ ruleId: 'new/rule' })] }));
    expect(s.byRule).toEqual([{ ruleId: 'new/rule', title: 'new/rule', counts: { error: 0, warning: 1, info: 0 }, total: 1 }]);
  });

  it('counts findings by status class, always listing every class', () => {
    const byClass = Object.fromEntries(summary.byStatusClass.map((c) => [c.statusClass, c.total]));
    expect(byClass).toEqual({ '1xx': 1, '2xx': 16, '3xx': 0, '4xx': 6, '5xx': 1, other: 0, none: 6 });
    expect([99, 100, 130, 204, 399, 451, 599, 600, 2.5, undefined].map(statusClass)).toEqual([
      'other', '1xx', '1xx', '2xx', '3xx', '4xx', '5xx', 'other', 'other', 'none',
    ]);
  });

  it('calls a case clean when neither it nor its endpoint has a finding; API-wide findings do not count', () => {
    const cases = [
      { api: 'a', apiName: 'A', endpoint: 'e', endpointName: 'E', status: 200 },
      { api: 'a', apiName: 'A', endpoint: 'e', endpointName: 'E', status: 404 },
      { api: 'a', apiName: 'A', endpoint: 'f', endpointName: 'F', status: 200 },
      { api: 'a', apiName: 'A', endpoint: 'g', endpointName: 'G', status: 200 },
    ];
    const s = summariseReport(
      fixtureInput({
        cases,
        findings: [finding({ endpoint: 'e', status: 404 }), finding({ endpoint: 'f' }), finding({ endpoint: '' })],
      }),
    );
    expect(s.cleanCases).toBe(2); // e 200 and g 200
    expect(s.byApi[0]).toMatchObject({ cases: 4, cleanCases: 2 });
  });

  it('says why a run passes or fails', () => {
    expect(verdictText(summary, 'error')).toBe('failed: 15 findings at or above error');
    expect(verdictText(summary, 'warning')).toBe('failed: 24 findings at or above warning');
    const clean = summariseReport(fixtureInput({ findings: [finding({ severity: 'info' })] }));
    expect(verdictText(clean, 'error')).toBe('passed: no finding at or above error');
    expect(verdictText(summariseReport(fixtureInput({ failOn: 'never' })), 'never')).toBe('passed (--fail-on never): 15 errors, 9 warnings, 6 infos');
  });
});

describe('drift sensitivity', () => {
  const blind = (endpoint: string, status: number, labels: string[]) =>
    finding({ ruleId: 'property/drift-blind', severity: 'info', endpoint, status, evidence: { kinds: [], labels, seeds: [1] } });

  it('sums property/drift-blind findings per kind over the responses checked, in every format', async () => {
    const input = fixtureInput({
      findings: [blind('e1', 200, ['missing fields', 'extra fields']), blind('e1', 404, ['extra fields']), blind('e1', 200, ['extra fields'])],
    });
    const summary = summariseReport(input);
    const of = summary.driftBlindness[0]!.of;
    expect(of).toBeGreaterThan(2);
    expect(summary.driftBlindness).toEqual([
      { label: 'extra fields', responses: 2, of },
      { label: 'missing fields', responses: 1, of },
    ]);
    const dir = await tempDir();
    try {
      await writeReports(dir, input, ['md', 'json', 'html']);
      const line = `drift checks are blind to missing fields on 1 of ${of} responses`;
      expect(await readFile(join(dir, 'summary.md'), 'utf8')).toContain(line);
      expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain(line);
      expect(JSON.parse(await readFile(join(dir, 'findings.json'), 'utf8')).driftBlindness).toEqual(summary.driftBlindness);
    } finally {
      await removeDir(dir);
    }
  });
});
