import type { RuleDefinition } from './types.ts';

/** First line of docs/rules.md; a `--check` can compare the whole file, people see not to edit it. */
export const RULES_DOC_BANNER = '<!-- Generated from src/rules/ by renderRulesDoc (src/rules/rules-doc.ts). Do not edit by hand. -->';

/**
 * docs/rules.md from the rule definitions: a table of contents, then one section per rule (id,
 * stage, default severity, title, why, the catalogue case behind it, how to re-grade it). Sorted by
 * id and free of dates, so the file only changes when a rule does. Titles, whys and catalogue
 * cases are written by us as Markdown and are copied as they are.
 */
export function renderRulesDoc(rules: readonly RuleDefinition[]): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const anchors = githubAnchors(sorted.map((rule) => rule.id));
  const [first, second] = sorted;

  const lines = [
    RULES_DOC_BANNER,
    '',
    '# Rules',
    '',
    'Every finding apiconform reports carries one of these rule ids. Each rule has a default severity: ' +
      '`error` findings fail the run (exit code 1) under the default `--fail-on error`; `warning` and `info` ' +
      'findings are reported without failing it unless `--fail-on` is lowered.',
    '',
    'Change a rule\'s severity, or switch it off, under `rules` in `apiconform.config.json` or ' +
      '`apiconform.config.yaml` at the project root. The value is `error`, `warning`, `info` or `off`:',
    '',
    '```json',
    '{',
    '  "rules": {',
    ...(second
      ? [`    ${JSON.stringify(first!.id)}: "warning",`, `    ${JSON.stringify(second.id)}: "off"`]
      : [`    ${JSON.stringify(first?.id ?? 'status/non-standard')}: "off"`]),
    '  }',
    '}',
    '```',
    '',
    '## Contents',
    '',
    '| Rule | Stage | Default | Title |',
    '| --- | --- | --- | --- |',
    ...sorted.map((rule) => `| [\`${rule.id}\`](#${anchors.get(rule.id)!}) | ${rule.stage} | ${rule.severity} | ${cell(rule.title)} |`),
  ];

  for (const rule of sorted) {
    const other = rule.severity === 'error' ? 'warning' : 'error';
    lines.push(
      '',
      `## ${rule.id}`,
      '',
      `**${rule.title}** · stage \`${rule.stage}\` · default severity \`${rule.severity}\``,
      '',
      `**Why.** ${paragraph(rule.why)}`,
      '',
      `**Catalogue case.** ${paragraph(rule.catalogueCase)}`,
      '',
      ...(rule.oasdiff ? [`**oasdiff.** ${rule.oasdiff.length > 0 ? rule.oasdiff.map((check) => `\`${check.id}\` (${check.level})`).join(', ') : 'no matching check'}`, ''] : []),
      `**Configure.** \`{ "rules": { ${JSON.stringify(rule.id)}: "${other}" } }\` in \`apiconform.config.json\`, or in \`apiconform.config.yaml\`:`,
      '',
      '```yaml',
      'rules:',
      `  ${rule.id}: "off"`,
      '```',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A paragraph stays one paragraph: blank lines inside it would end it. */
function paragraph(text: string): string {
  return text.trim().replace(/\r\n?/g, '\n').replace(/\n\s*\n/g, '\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ');
}

/**
 * The anchors GitHub gives `## <id>` headings: lowercase, everything but letters, digits, spaces,
 * `-` and `_` dropped, spaces to `-`; a repeat gets `-1`, `-2`… (`a/b-c` and `ab-c` would share one).
 */
function githubAnchors(ids: readonly string[]): Map<string, string> {
  const seen = new Map<string, number>();
  const anchors = new Map<string, string>();
  for (const id of ids) {
    const base = id
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.set(id, count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}
