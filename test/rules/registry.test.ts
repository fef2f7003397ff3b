import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../../src/checks/lint/index.ts';
import { RULES, ruleById } from '../../src/rules/index.ts';

describe('the rule registry', () => {
  it('lists each rule once, sorted by id', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s is documented data: a stable id, a severity, a title, why and the catalogue case', (id, rule) => {
    expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
    expect(['error', 'warning', 'info']).toContain(rule.severity);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.why.length).toBeGreaterThan(150);
    expect(rule.catalogueCase.length).toBeGreaterThan(40);
    expect(ruleById(id)).toBe(rule);
  });

  it('holds the definition of every lint rule, unchanged', () => {
    for (const lintRule of LINT_RULES) {
      const { check, ...definition } = lintRule;
      expect(typeof check).toBe('function');
      expect(ruleById(lintRule.id)).toEqual(definition);
    }
    expect(LINT_RULES.map((r) => r.id)).toEqual([...LINT_RULES.map((r) => r.id)].sort());
  });

  it('has the lint rules docs/rules.md documents', () => {
    for (const id of [
      'example/violates-schema',
      'status/validation-error-not-422',
      'status/inconsistent-within-api',
      'status/error-body-on-success',
      'status/non-standard',
      'summary/status-mismatch',
      'example/string-spread-as-object',
      'example/empty-placeholder',
      'schema/overfitted',
      'schema/invalid',
      'endpoint/no-success-response',
      'catalogue/duplicate-example',
      'error-envelope/inconsistent',
    ]) {
      expect(ruleById(id), id).toBeDefined();
    }
    expect(ruleById('schema/overfitted')!.severity).toBe('info');
    expect(ruleById('example/violates-schema')!.severity).toBe('error');
  });
});
