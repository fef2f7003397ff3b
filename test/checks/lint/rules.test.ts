import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_RULES, lint } from '../../../src/checks/lint/index.ts';
import { ROOT } from '../../helpers.ts';
import { modelOf, project, type FixtureRow, type WantedFinding } from '../helpers.ts';

interface RuleFixture {
  rule: string;
  cases: Array<{ name: string; in: FixtureRow[]; want: WantedFinding[] }>;
}

const FIXTURES = join(ROOT, 'test/fixtures/checks/lint');
const fixtures: RuleFixture[] = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as RuleFixture);

describe('every lint rule has fixtures that trigger it and that must not', () => {
  it.each(LINT_RULES.map((rule) => [rule.id]))('%s', (id) => {
    const fixture = fixtures.find((f) => f.rule === id);
    expect(fixture, `test/fixtures/checks/lint has no fixture for ${id}`).toBeDefined();
    expect(fixture!.cases.some((c) => c.want.length > 0)).toBe(true);
    expect(fixture!.cases.some((c) => c.want.length === 0)).toBe(true);
  });
});

for (const fixture of fixtures) {
  const rule = LINT_RULES.find((r) => r.id === fixture.rule);
  describe(fixture.rule, () => {
    it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_, { in: rows, want }) => {
      expect(rule, `no lint rule ${fixture.rule}`).toBeDefined();
      const findings = lint(modelOf(rows), { rules: [rule!] });
      expect(findings.map((f, i) => project(f, want[i] ?? {}))).toEqual(want.map((w) => ({ ...w, ...(w.message ? { message: w.message } : {}) })));
      for (const finding of findings) {
        expect(finding).toMatchObject({ ruleId: fixture.rule, severity: rule!.severity });
        expect(finding.api).not.toBe('');
        expect(finding.endpoint).not.toBe('');
        expect(finding.source).toMatchObject({ file: 'fixture.csv', rowId: expect.stringMatching(/\/\d+\/\d+$/) });
        expect(finding.message.length).toBeGreaterThan(40);
      }
    });
  });
}
