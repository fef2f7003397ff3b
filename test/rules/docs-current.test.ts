import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/rules/index.ts';
import { renderRulesDoc } from '../../src/rules/rules-doc.ts';
import { ROOT } from '../helpers.ts';

describe('docs/rules.md', () => {
  it('is what the registry renders (run `npm run docs` after changing a rule)', () => {
    expect(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8')).toBe(renderRulesDoc(RULES));
  });

  it('every rule id is unique and every finding-producing stage has its rules registered', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['catalogue/invalid-row', 'example/violates-schema', 'status/validation-error-not-422', 'contract/missing-field', 'property/generated-invalid']) {
      expect(ids).toContain(id);
    }
  });
});
