import { severityRank } from '../findings/types.ts';
import type { Finding, Severity } from '../findings/types.ts';
import { mdCode, mdText } from './markdown-escape.ts';
import { countsText, driftBlindnessText, emptyCounts, plural, summariseReport, uniqueCases, verdictText } from './summary.ts';
import type { ApiCount, ReportSummary } from './summary.ts';
import { truncateText } from './text.ts';
import type { ReportInput } from './types.ts';

/** GitHub rejects an issue or PR comment longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** Upper bound on the length of the result (UTF-16 units, which is ≥ GitHub's character count). */
  maxLength?: number;
  /** How many rules and APIs the "top" tables list. */
  top?: number;
}

const MESSAGE_CHARS = 400;
const POINTER_CHARS = 120;
const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };
const DETAILS_HEADER = ['| | Endpoint | Status | Rule | Pointer | Message |', '| --- | --- | ---: | --- | --- | --- |'];

/**
 * `summary.md`, sized for a PR comment: verdict, totals, top rules, worst APIs, then the findings
 * grouped by API and endpoint. When everything does not fit in `maxLength`, the details keep the
 * most severe findings (errors of the worst APIs first) and end with "… N more, see findings.json".
 */
export function renderMarkdown(input: ReportInput, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const top = options.top ?? 10;
  const summary = summariseReport(input);
  const head = renderHead(input, summary, top);
  if (summary.findings.length === 0) return head;

  const apiRank = new Map(summary.byApi.map((api, index) => [api.api, index]));
  const rows = new Map(summary.findings.map((finding) => [finding, detailRow(finding)]));
  const groupHeads = new Map(summary.byApi.map((api) => [api.api, groupHead(api)]));

  // Pick what fits, most important first; render the pick grouped, in the groups' own order.
  const priority = [...summary.findings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || apiRank.get(a.api)! - apiRank.get(b.api)!,
  );
  const detailsTitle = '\n\n### Details\n';
  const reserve = trailer(summary.findings.length, summary.findings).length + 1;
  let length = head.length + detailsTitle.length;
  const picked = new Set<Finding>();
  const openGroups = new Set<string>();
  for (const finding of priority) {
    const groupCost = openGroups.has(finding.api) ? 0 : groupHeads.get(finding.api)!.length + 1;
    const cost = rows.get(finding)!.length + 1 + groupCost;
    if (length + cost + reserve > maxLength) break;
    length += cost;
    picked.add(finding);
    openGroups.add(finding.api);
  }

  const groups = new Map<string, Finding[]>();
  for (const finding of summary.findings) {
    if (!picked.has(finding)) continue;
    const group = groups.get(finding.api);
    if (group) group.push(finding);
    else groups.set(finding.api, [finding]);
  }
  const lines = [head + detailsTitle];
  for (const api of summary.byApi) {
    const findings = groups.get(api.api);
    if (!findings) continue;
    lines.push(groupHeads.get(api.api)!);
    for (const finding of findings) lines.push(rows.get(finding)!);
  }
  const left = summary.findings.filter((f) => !picked.has(f));
  if (left.length > 0) lines.push(trailer(left.length, left));
  return `${lines.join('\n')}\n`;
}

function renderHead(input: ReportInput, summary: ReportSummary, top: number): string {
  const { catalogue } = input;
  const icon = summary.failed ? '❌' : '✅';
  const lines = [
    `## ${icon} ${mdText(`${input.tool.name} ${input.command}`)}: ${mdText(verdictText(summary, input.failOn))}`,
    '',
    `**${plural(summary.totals.error, 'error')}** · **${plural(summary.totals.warning, 'warning')}** · ` +
      `**${plural(summary.totals.info, 'info')}**`,
    '',
    `${plural(uniqueCases(input.cases).length, 'response')} checked ` +
      `(endpoint × status), ${summary.cleanCases} without findings. Catalogue ${mdText(catalogue.file)}: ` +
      `${plural(catalogue.rows, 'row')}, ${plural(catalogue.apis, 'API')}, ${plural(catalogue.endpoints, 'endpoint')}, ` +
      `${plural(catalogue.responses, 'response')}. ${mdText(`${input.tool.name} ${input.tool.version}`)}, fail on ${mdText(input.failOn)}.`,
  ];
  lines.push(...acceptedLines(summary));
  if (summary.findings.length === 0) return `${lines.join('\n')}\n\nNo findings${summary.accepted.length > 0 ? ' other than accepted ones' : ''}.\n`;

  lines.push('', '### Top rules', '', '| Rule | Title | Errors | Warnings | Infos |', '| --- | --- | ---: | ---: | ---: |');
  for (const rule of summary.byRule.slice(0, top)) {
    lines.push(`| ${mdCode(rule.ruleId)} | ${mdText(rule.title)} | ${rule.counts.error} | ${rule.counts.warning} | ${rule.counts.info} |`);
  }
  if (summary.byRule.length > top) lines.push(`| … | ${plural(summary.byRule.length - top, 'more rule')} | | | |`);

  if (summary.driftBlindness.length > 0) {
    lines.push('', '### Drift sensitivity', '');
    for (const entry of summary.driftBlindness) lines.push(`- ${mdText(driftBlindnessText(entry))}`);
  }

  const worst = summary.byApi.filter((api) => api.total > 0);
  lines.push('', '### Worst APIs', '', '| API | Errors | Warnings | Infos | Clean responses |', '| --- | ---: | ---: | ---: | ---: |');
  for (const api of worst.slice(0, top)) {
    lines.push(
      `| ${api.api === '' ? '(catalogue)' : `${mdText(api.apiName)} ${mdCode(api.api)}`} | ${api.counts.error} | ${api.counts.warning} | ${api.counts.info} | ${api.cleanCases}/${api.cases} |`,
    );
  }
  if (worst.length > top) lines.push(`| … ${plural(worst.length - top, 'more API')} | | | | |`);
  return lines.join('\n');
}

/** Accepted findings (with their reasons) and findings fixed since the baseline, each listed apart from the rest. */
function acceptedLines(summary: ReportSummary, limit = 20): string[] {
  const lines: string[] = [];
  const where = (f: Finding) => `${mdCode(f.endpoint === '' ? f.api || '(catalogue)' : `${f.api}/${f.endpoint}`)}${f.status === undefined ? '' : ` ${f.status}`}`;
  if (summary.accepted.length > 0) {
    lines.push('', `### Accepted (${summary.accepted.length}, not counted)`, '', '| | Where | Rule | Pointer | Reason |', '| --- | --- | --- | --- | --- |');
    for (const f of summary.accepted.slice(0, limit)) {
      lines.push(`| ${SEVERITY_ICON[f.severity]} | ${where(f)} | ${mdCode(f.ruleId)} | ${f.pointer === undefined ? '' : mdCode(truncateText(f.pointer || '(root)', POINTER_CHARS))} | ${mdText(truncateText(`${f.accepted!.by === 'baseline' ? 'baseline' : f.accepted!.reason}${f.accepted!.expires ? ` (until ${f.accepted!.expires})` : ''}`, MESSAGE_CHARS))} |`);
    }
    if (summary.accepted.length > limit) lines.push(`| … | ${plural(summary.accepted.length - limit, 'more')} in findings.json | | | |`);
  }
  if (summary.fixed.length > 0) {
    lines.push('', `### Fixed since the baseline (${summary.fixed.length})`, '', '| Where | Rule | Pointer |', '| --- | --- | --- |');
    for (const f of summary.fixed.slice(0, limit)) lines.push(`| ${where(f)} | ${mdCode(f.ruleId)} | ${f.pointer === undefined ? '' : mdCode(truncateText(f.pointer || '(root)', POINTER_CHARS))} |`);
    if (summary.fixed.length > limit) lines.push(`| … ${plural(summary.fixed.length - limit, 'more')} in findings.json | | |`);
  }
  return lines;
}

function groupHead(api: ApiCount): string {
  const title = api.api === '' ? '(catalogue)' : `${mdText(api.apiName)} (${mdText(api.api)})`;
  return ['', `#### ${title}: ${countsText(api.counts)}`, '', ...DETAILS_HEADER].join('\n');
}

function detailRow(finding: Finding): string {
  const endpoint = finding.endpoint !== '' ? finding.endpoint : finding.api === '' ? '(catalogue)' : '(api)';
  const pointer = finding.pointer === undefined ? '' : mdCode(truncateText(finding.pointer === '' ? '(root)' : finding.pointer, POINTER_CHARS));
  const example = finding.example === undefined ? '' : ` (example ${finding.example})`;
  return (
    `| ${SEVERITY_ICON[finding.severity]} | ${mdCode(endpoint)} | ${finding.status ?? ''} | ${mdCode(finding.ruleId)} | ` +
    `${pointer} | ${mdText(truncateText(finding.message, MESSAGE_CHARS) + example)} |`
  );
}

function trailer(count: number, left: readonly Finding[]): string {
  const counts = emptyCounts();
  for (const finding of left) counts[finding.severity] += 1;
  return `\n… ${count} more, see findings.json (${countsText(counts)}).`;
}
