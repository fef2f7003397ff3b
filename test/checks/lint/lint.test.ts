import { describe, expect, it } from 'vitest';
import { lint, LINT_RULES, type LintRule } from '../../../src/checks/lint/index.ts';
import { compareFindings } from '../../../src/findings/types.ts';
import { schemaInvalid } from '../../../src/rules/schema-invalid.ts';
import { modelOf } from '../helpers.ts';

const rows = [
  { api: 'A', endpoint: 'Remote', status: 200, body: {}, schema: { properties: { a: { $ref: 'https://example.com/a.json' } } } },
  { api: 'A', endpoint: 'Overlap', status: 200, body: {}, schema: { properties: { ab: {} }, patternProperties: { '^a': {} } } },
  { api: 'A', endpoint: 'Odd', status: 299, summary: 'Success', body: { success: false } },
];

describe('lint', () => {
  it('runs every rule and returns findings in report order, the same on every run', () => {
    const model = modelOf(rows);
    const first = lint(model);
    expect(first).toEqual(lint(modelOf(rows)));
    expect(first).toEqual([...first].sort(compareFindings));
    expect(new Set(first.map((f) => f.ruleId))).toEqual(new Set(['schema/invalid', 'status/non-standard', 'status/error-body-on-success']));
  });

  it('applies severities from config and skips rules switched off without running them', () => {
    const exploding: LintRule = { ...schemaInvalid, id: 'schema/invalid', check: () => { throw new Error('must not run'); } };
    const severities = new Map([['schema/invalid', 'off' as const], ['status/non-standard', 'error' as const]]);
    const findings = lint(modelOf(rows), { severities, rules: [exploding, ...LINT_RULES.filter((r) => r.id !== 'schema/invalid')] });
    expect(findings.some((f) => f.ruleId === 'schema/invalid')).toBe(false);
    expect(findings.filter((f) => f.ruleId === 'status/non-standard').map((f) => f.severity)).toEqual(['error']);
    expect(findings.filter((f) => f.ruleId === 'status/error-body-on-success').map((f) => f.severity)).toEqual(['warning']);
  });

  it('leaves the normaliser\'s problems to build when asked (normaliserProblems: false), not ajv\'s', () => {
    const invalid = (normaliserProblems: boolean) =>
      lint(modelOf(rows), { normaliserProblems, rules: LINT_RULES.filter((r) => r.id === 'schema/invalid') }).map((f) => f.endpoint);
    expect(invalid(true)).toEqual(['overlap', 'remote']);
    expect(invalid(false)).toEqual(['overlap']);
  });
});
