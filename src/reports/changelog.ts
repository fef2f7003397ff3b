import { compareFindings } from '../findings/types.ts';
import type { Finding } from '../findings/types.ts';
import { mdCode, mdText } from './markdown-escape.ts';
import type { ReportInput } from './types.ts';

/** Rules whose findings are pure additions (listed under "Added"). */
const ADDITIONS = new Set(['diff/endpoint-added', 'diff/property-added', 'diff/success-status-added', 'diff/error-status-added']);

/**
 * `changelog.md` (`--format changelog`), for release notes: the findings grouped by API, then
 * Breaking (errors, accepted ones marked), Changed (the rest) and Added (pure additions). Written
 * for `diff`; any command's findings render the same way.
 */
export function renderChangelog(input: ReportInput): string {
  const names = new Map(input.cases.map((c) => [c.api, c.apiName]));
  const endpointNames = new Map(input.cases.map((c) => [`${c.api}/${c.endpoint}`, c.endpointName]));
  const byApi = new Map<string, Finding[]>();
  for (const finding of [...input.findings].sort(compareFindings)) {
    const list = byApi.get(finding.api);
    if (list) list.push(finding);
    else byApi.set(finding.api, [finding]);
  }
  const lines = [`# Changelog: ${mdText(input.catalogue.file)}`, ''];
  if (byApi.size === 0) lines.push('No changes.');
  for (const [api, findings] of [...byApi].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`## ${mdText(names.get(api) ?? api)} (${mdCode(api || '(catalogue)')})`, '');
    const groups: Array<[string, Finding[]]> = [
      ['Breaking', findings.filter((f) => f.severity === 'error' && !ADDITIONS.has(f.ruleId))],
      ['Changed', findings.filter((f) => f.severity !== 'error' && !ADDITIONS.has(f.ruleId))],
      ['Added', findings.filter((f) => ADDITIONS.has(f.ruleId))],
    ];
    for (const [title, list] of groups) {
      if (list.length === 0) continue;
      lines.push(`### ${title}`, '');
      for (const f of list) {
        const endpoint = f.endpoint === '' ? '' : `${mdText(endpointNames.get(`${f.api}/${f.endpoint}`) ?? f.endpoint)}${f.status === undefined ? '' : ` ${f.status}`}: `;
        const accepted = f.accepted ? ` — accepted: ${mdText(f.accepted.reason)}` : '';
        lines.push(`- ${endpoint}${mdText(f.message.replace(/^.*? › \d{3}: /, ''))} (${mdCode(f.ruleId)})${accepted}`);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
