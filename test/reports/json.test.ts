import { describe, expect, it } from 'vitest';
import { compareFindings } from '../../src/findings/types.ts';
import type { Finding } from '../../src/findings/types.ts';
import { FINDINGS_JSON_SCHEMA, renderJson, toFindingsJson } from '../../src/reports/index.ts';
import { FIXTURE_CASES, FIXTURE_FINDINGS, fixtureInput } from './fixture.ts';

const count = (severity: Finding['severity']) => FIXTURE_FINDINGS.filter((f) => f.severity === severity).length;

describe('renderJson', () => {
  const text = renderJson(fixtureInput());
  const parsed = JSON.parse(text) as ReturnType<typeof toFindingsJson>;

  it('has the documented shape, keys in a fixed order', () => {
    expect(Object.keys(parsed)).toEqual(['schema', 'tool', 'command', 'catalogue', 'failOn', 'failed', 'totals', 'findings', 'cases']);
    expect(parsed.schema).toBe(FINDINGS_JSON_SCHEMA);
    expect(parsed.tool).toEqual({ name: 'apiconform', version: '0.1.0' });
    expect(parsed.command).toBe('all');
    expect(parsed.catalogue).toEqual({ file: 'data/catalogue.csv', rows: 100, apis: 16, endpoints: 76, responses: 98 });
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('counts totals by severity and fails at the threshold', () => {
    expect(parsed.totals).toEqual({ error: count('error'), warning: count('warning'), info: count('info') });
    expect(parsed.totals).toEqual({ error: 15, warning: 9, info: 6 });
    expect(parsed.failed).toBe(true);
    const warningsOnly = fixtureInput({ findings: FIXTURE_FINDINGS.filter((f) => f.severity !== 'error') });
    expect(toFindingsJson(warningsOnly).failed).toBe(false);
    expect(toFindingsJson({ ...warningsOnly, failOn: 'warning' }).failed).toBe(true);
    expect(toFindingsJson({ ...warningsOnly, failOn: 'info' }).failed).toBe(true);
    expect(toFindingsJson(fixtureInput({ failOn: 'never' })).failed).toBe(false);
    expect(toFindingsJson(fixtureInput({ findings: [], failOn: 'info' })).failed).toBe(false);
  });

  it('round-trips every finding unchanged, sorted by compareFindings', () => {
    expect(parsed).toEqual(toFindingsJson(fixtureInput()));
    const expected = [...FIXTURE_FINDINGS].sort(compareFindings);
    expect(parsed.findings).toEqual(expected);
    for (let i = 1; i < parsed.findings.length; i++) {
      expect(compareFindings(parsed.findings[i - 1]!, parsed.findings[i]!)).toBeLessThanOrEqual(0);
    }
    // Evidence is kept whole (the other formats cut it): an empty string stays an empty string.
    expect(parsed.findings.find((f) => f.pointer === '/0/id')!.evidence).toBe('');
  });

  it('writes finding keys in the Finding record order and leaves absent fields out', () => {
    const full = parsed.findings.find((f) => f.pointer === '/vendor')!;
    expect(Object.keys(full)).toEqual(['ruleId', 'severity', 'api', 'endpoint', 'status', 'example', 'pointer', 'message', 'evidence', 'source']);
    const bare = parsed.findings.find((f) => f.api === 'energy-optimizer')!;
    expect(Object.keys(bare)).toEqual(['ruleId', 'severity', 'api', 'endpoint', 'message']);
    expect(text).not.toMatch(/: null[,\n]/);
  });

  it('lists the checked cases, deduplicated and sorted, so a merged report knows what was clean', () => {
    expect(parsed.cases).toHaveLength(98);
    const doubled = toFindingsJson(fixtureInput({ cases: [...FIXTURE_CASES, ...FIXTURE_CASES].reverse() }));
    expect(doubled.cases).toEqual(parsed.cases);
    const keys = parsed.cases.map((c) => `${c.api} ${c.endpoint} ${String(c.status).padStart(3, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('carries the duration only when it was measured', () => {
    expect('durationMs' in parsed).toBe(false);
    expect(toFindingsJson(fixtureInput({ durationMs: 812 })).durationMs).toBe(812);
  });

  it('is byte-identical across runs and input orders', () => {
    expect(renderJson(fixtureInput())).toBe(text);
    expect(renderJson(fixtureInput({ findings: [...FIXTURE_FINDINGS].reverse() }))).toBe(text);
  });
});
