import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { RULES } from '../../src/rules/index.ts';
import { RULES_DOC_BANNER, renderRulesDoc } from '../../src/rules/rules-doc.ts';
import type { RuleDefinition } from '../../src/rules/types.ts';
import { FIXTURE_RULES } from '../reports/fixture.ts';

describe('renderRulesDoc', () => {
  const doc = renderRulesDoc(FIXTURE_RULES);

  it('documents every rule once, sorted by id, after a table of contents', () => {
    expect(doc.startsWith(`${RULES_DOC_BANNER}\n\n# Rules\n`)).toBe(true);
    const headings = doc.split('\n').filter((line) => line.startsWith('## ') && line !== '## Contents');
    const ids = FIXTURE_RULES.map((rule) => rule.id).sort();
    expect(headings).toEqual(ids.map((id) => `## ${id}`));
    expect(doc.indexOf('## Contents')).toBeLessThan(doc.indexOf(`## ${ids[0]}`));
  });

  it('gives each rule its stage, default severity, title, why and catalogue case', () => {
    for (const rule of FIXTURE_RULES) {
      const section = doc.slice(doc.indexOf(`\n## ${rule.id}\n`));
      expect(section).toContain(`**${rule.title}** · stage \`${rule.stage}\` · default severity \`${rule.severity}\``);
      expect(section).toContain(`**Why.** ${rule.why}`);
      expect(section).toContain(`**Catalogue case.** ${rule.catalogueCase}`);
    }
  });

  it('links the contents to the anchors GitHub gives the headings', () => {
    expect(doc).toContain('| [`catalogue/invalid-row`](#catalogueinvalid-row) | catalogue | error | Catalogue row cannot be read |');
    expect(doc).toContain('| [`status/validation-error-not-422`](#statusvalidation-error-not-422) | lint | error |');
    const clash = renderRulesDoc([rule('a/b-c'), rule('ab-c')]);
    expect(clash).toContain('](#ab-c) ');
    expect(clash).toContain('](#ab-c-1) ');
  });

  it('shows config snippets that parse and name the rule', () => {
    const json = /```json\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(Object.keys((JSON.parse(json) as { rules: object }).rules)).toHaveLength(2);
    const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parseYaml(m[1]!) as { rules: Record<string, unknown> });
    expect(yamlBlocks).toHaveLength(FIXTURE_RULES.length);
    for (const block of yamlBlocks) expect(Object.values(block.rules)).toEqual(['off']);
    const inline = [...doc.matchAll(/\*\*Configure\.\*\* `([^`]*)`/g)].map((m) => JSON.parse(m[1]!) as { rules: Record<string, string> });
    expect(inline.map((c) => Object.keys(c.rules)[0])).toEqual(FIXTURE_RULES.map((r) => r.id).sort());
  });

  it('keeps table cells and paragraphs intact whatever the text holds', () => {
    const odd = renderRulesDoc([{ ...rule('x/y'), title: 'a | b\nc', why: 'first\n\nsecond' }]);
    expect(odd).toContain('| [`x/y`](#xy) | lint | warning | a \\| b c |');
    expect(odd).toContain('**Why.** first\nsecond');
  });

  it('is deterministic whatever the registry order', () => {
    expect(renderRulesDoc([...FIXTURE_RULES].reverse())).toBe(doc);
    expect(renderRulesDoc(RULES)).toBe(renderRulesDoc([...RULES].reverse()));
  });
});

function rule(id: string): RuleDefinition {
  return { id, stage: 'lint', severity: 'warning', title: `Title of ${id}`, why: 'Why.', catalogueCase: 'Case.' };
}
