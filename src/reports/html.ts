import { createHash } from 'node:crypto';
import type { Finding } from '../findings/types.ts';
import { barChart, formatCount } from './html/charts.ts';
import type { ChartRow } from './html/charts.ts';
import { escapeHtml, filterHref, jsonForScript } from './html/escape.ts';
import { PAGE_SCRIPT } from './html/page-script.ts';
import { PAGE_STYLE } from './html/page-style.ts';
import { apiNamesOf, caseHasFindings, driftBlindnessText, endpointNamesOf, plural, summariseReport, uniqueCases, verdictText } from './summary.ts';
import type { ApiCount, ReportSummary, StatusClass } from './summary.ts';
import { evidenceText, sourceText } from './text.ts';
import type { ReportInput } from './types.ts';

/** Evidence is cut to this many characters in the page (findings.json has all of it). */
export const HTML_EVIDENCE_CHARS = 4_000;

/** What the page script reads from the `report-data` block. */
export interface PageData {
  findings: PageFinding[];
  /** Checked endpoint×status pairs without any finding: the "clean" rows. */
  clean: Array<{ api: string; endpoint: string; status: number }>;
  rules: Record<string, { title: string; why: string }>;
  apis: Record<string, string>;
  /** Keyed `api/endpoint` (slugs never contain `/`). */
  endpoints: Record<string, string>;
}

export interface PageFinding {
  severity: Finding['severity'];
  ruleId: string;
  api: string;
  endpoint: string;
  status: number | null;
  example: number | null;
  pointer: string | null;
  message: string;
  /** Pretty JSON, cut to HTML_EVIDENCE_CHARS. */
  evidence: string | null;
  /** `file:line (row id)`. */
  source: string | null;
}

const STATUS_CLASS_LABEL: Record<StatusClass, string> = {
  '1xx': '1xx informational',
  '2xx': '2xx success',
  '3xx': '3xx redirection',
  '4xx': '4xx client error',
  '5xx': '5xx server error',
  other: 'other (not 100–599)',
  none: 'no status (API-wide)',
};

/**
 * `index.html`: one self-contained page (inline CSS, inline script, inline SVG; it loads nothing,
 * and its Content-Security-Policy forbids it to) with the verdict, totals, charts of findings by
 * rule, API and status class, a filterable, sortable table of the findings and a per-API table of
 * what was checked. Every catalogue-derived string is escaped here or set as `textContent` by the
 * script, so a hostile API name renders as text.
 */
export function renderHtml(input: ReportInput): string {
  const summary = summariseReport(input);
  const data = pageData(input, summary);
  const script = PAGE_SCRIPT;
  const style = PAGE_STYLE;
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(style)}'`,
    `script-src '${sha256(script)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = `${input.tool.name} ${input.command}: ${summary.failed ? 'failed' : 'passed'} (${summary.totals.error} errors, ${summary.totals.warning} warnings, ${summary.totals.info} infos)`;

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Our own constant and base64 hashes: nothing to escape, and escaping `'` would hide the policy from readers.
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    renderHeader(input, summary),
    '<main class="wrap">',
    renderCards(summary, input),
    renderCharts(summary),
    renderFindings(summary),
    renderApis(summary),
    '</main>',
    `<footer class="wrap">${escapeHtml(`${input.tool.name} ${input.tool.version}`)} · the same findings are in findings.json, junit.xml and summary.md beside this file.</footer>`,
    `<script type="application/json" id="report-data">${jsonForScript(data)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function pageData(input: ReportInput, summary: ReportSummary): PageData {
  const hasFindings = caseHasFindings(summary.findings);
  const used = new Set(summary.findings.map((f) => f.ruleId));
  // Maps then Object.fromEntries: a key such as `__proto__` stays an own property.
  const rules = new Map<string, { title: string; why: string }>();
  for (const rule of [...input.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (used.has(rule.id) && !rules.has(rule.id)) rules.set(rule.id, { title: rule.title, why: rule.why });
  }
  const endpoints = new Map<string, string>();
  for (const [key, name] of endpointNamesOf(input.cases)) endpoints.set(key.replace('\u0000', '/'), name);
  return {
    findings: summary.findings.map((finding) => ({
      severity: finding.severity,
      ruleId: finding.ruleId,
      api: finding.api,
      endpoint: finding.endpoint,
      status: finding.status ?? null,
      example: finding.example ?? null,
      pointer: finding.pointer ?? null,
      message: finding.message,
      evidence: evidenceText(finding.evidence, HTML_EVIDENCE_CHARS, 2) || null,
      source: sourceText(finding) || null,
    })),
    clean: uniqueCases(input.cases)
      .filter((item) => !hasFindings(item))
      .map(({ api, endpoint, status }) => ({ api, endpoint, status })),
    rules: Object.fromEntries(rules),
    apis: Object.fromEntries(apiNamesOf(input.cases)),
    endpoints: Object.fromEntries(endpoints),
  };
}

function renderHeader(input: ReportInput, summary: ReportSummary): string {
  const { catalogue } = input;
  const verdict = summary.failed
    ? '<span class="verdict failed">✕ Failed</span>'
    : '<span class="verdict passed">✓ Passed</span>';
  const verdictLine = verdictText(summary, input.failOn).replace(/^(failed|passed)(: )?/, '');
  const meta = [
    `Catalogue <code>${escapeHtml(catalogue.file)}</code>`,
    plural(catalogue.rows, 'row'),
    plural(catalogue.apis, 'API'),
    plural(catalogue.endpoints, 'endpoint'),
    plural(catalogue.responses, 'response'),
    `fail on <b>${escapeHtml(input.failOn)}</b>`,
    escapeHtml(`${input.tool.name} ${input.tool.version}`),
    ...(input.durationMs === undefined ? [] : [`${(input.durationMs / 1000).toFixed(1)} s`]),
  ].join(' · ');
  return [
    '<header class="top"><div class="wrap">',
    `<div class="brand">${escapeHtml(input.tool.name)} <span class="cmd">${escapeHtml(input.command)}</span></div>`,
    verdict,
    `<span class="verdict-text">${escapeHtml(verdictLine)}</span>`,
    `<p class="meta">${meta}</p>`,
    '</div></header>',
  ].join('\n');
}

function renderCards(summary: ReportSummary, input: ReportInput): string {
  const checked = uniqueCases(input.cases).length;
  const percent = checked === 0 ? 0 : Math.round((summary.cleanCases / checked) * 100);
  const card = (className: string, count: number | string, label: string, href: string | undefined) => {
    const zero = count === 0 ? ' zero' : '';
    const body = `<div class="n">${typeof count === 'number' ? formatCount(count) : count}</div><div class="l">${label}</div>`;
    return href
      ? `<a class="card ${className}${zero}" href="${href}">${body}</a>`
      : `<div class="card ${className}${zero}">${body}</div>`;
  };
  return [
    '<section class="cards" aria-label="Totals">',
    card('error', summary.totals.error, summary.totals.error === 1 ? 'error' : 'errors', filterHref({ severity: 'error' })),
    card('warning', summary.totals.warning, summary.totals.warning === 1 ? 'warning' : 'warnings', filterHref({ severity: 'warning' })),
    card('info', summary.totals.info, summary.totals.info === 1 ? 'info' : 'infos', filterHref({ severity: 'info' })),
    card('', checked, 'responses checked (endpoint × status)', undefined),
    card('clean', summary.cleanCases, `without findings (${percent}%)`, filterHref({ severity: 'clean' })),
    '</section>',
    ...(summary.driftBlindness.length > 0
      ? [
          `<section class="wrap" aria-label="Drift sensitivity"><h2>Drift sensitivity</h2><ul>${summary.driftBlindness
            .map((entry) => `<li><a href="${filterHref({ severity: 'error,warning,info', rule: 'property/drift-blind' })}">${escapeHtml(driftBlindnessText(entry))}</a></li>`)
            .join('')}</ul></section>`,
        ]
      : []),
  ].join('\n');
}

function renderCharts(summary: ReportSummary): string {
  const byRule: ChartRow[] = summary.byRule.map((rule) => ({
    label: rule.ruleId,
    title: `${rule.ruleId}: ${rule.title}`,
    counts: rule.counts,
    href: filterHref({ severity: 'error,warning,info', rule: rule.ruleId }),
  }));
  const byApi: ChartRow[] = summary.byApi.map((api) => ({
    label: apiLabel(api),
    title: api.api === '' ? 'catalogue' : `${api.apiName} (${api.api})`,
    counts: api.counts,
    href: filterHref({ severity: 'error,warning,info', api: api.api === '' ? '(catalogue)' : api.api }),
  }));
  const byClass: ChartRow[] = summary.byStatusClass
    .filter((entry) => entry.statusClass !== 'none' || entry.total > 0)
    .map((entry) => ({
      label: STATUS_CLASS_LABEL[entry.statusClass],
      title: STATUS_CLASS_LABEL[entry.statusClass],
      counts: entry.counts,
      href: filterHref({ severity: 'error,warning,info', status: entry.statusClass }),
    }));
  const legend =
    '<div class="legend" aria-hidden="true"><span class="error">error</span><span class="warning">warning</span><span class="info">info</span></div>';
  const figure = (heading: string, sub: string, chart: string) =>
    `<div class="panel"><h2>${heading}<span class="sub">${sub}</span></h2>${legend}${chart}</div>`;
  return [
    '<section class="charts" aria-label="Charts">',
    figure('By rule', plural(summary.byRule.length, 'rule'), barChart(byRule, { id: 'chart-rule', caption: 'Findings by rule' })),
    figure(
      'By API',
      plural(summary.byApi.filter((api) => api.total > 0).length, 'API') + ' with findings',
      barChart(byApi, { id: 'chart-api', caption: 'Findings by API' }),
    ),
    figure('By status class', 'of the response', barChart(byClass, { id: 'chart-status', caption: 'Findings by status class', keepEmpty: true })),
    '</section>',
  ].join('\n');
}

function renderFindings(summary: ReportSummary): string {
  const chip = (severity: string, label: string) =>
    `<button type="button" class="chip ${severity}" data-severity="${severity}" aria-pressed="false"><span class="dot"></span>${label} <span class="c">0</span></button>`;
  const header = (key: string | undefined, label: string) =>
    key ? `<th data-sort="${key}" aria-sort="none"><button type="button">${label}</button></th>` : `<th>${label}</th>`;
  return [
    '<section id="findings">',
    `<h2>Findings<span class="sub">${plural(summary.findings.length, 'finding')}; click a row for its evidence, a chart bar or a total to filter</span></h2>`,
    '<noscript><div class="panel noscript">The findings table needs JavaScript; findings.json beside this file holds every finding.</div></noscript>',
    '<div id="findings-ui" hidden>',
    '<div class="toolbar">',
    chip('error', 'Errors'),
    chip('warning', 'Warnings'),
    chip('info', 'Infos'),
    chip('clean', 'Clean responses'),
    '<select id="f-rule" aria-label="Rule"></select>',
    '<select id="f-api" aria-label="API"></select>',
    '<select id="f-status" aria-label="Status class"></select>',
    '<input id="f-q" type="search" placeholder="Search api, endpoint, pointer, message…" aria-label="Search">',
    '<button type="button" class="link" id="reset">Reset</button>',
    '<span class="count" id="count" aria-live="polite"></span>',
    '</div>',
    '<div class="table-wrap"><table>',
    '<thead><tr>',
    header(undefined, '<span class="sr">Details</span>'),
    header('severity', 'Severity'),
    header('api', 'API'),
    header('endpoint', 'Endpoint'),
    header('status', 'Status'),
    header('rule', 'Rule'),
    header('pointer', 'Pointer'),
    header('message', 'Message'),
    '</tr></thead>',
    '<tbody id="rows"></tbody>',
    '</table>',
    '<div class="empty" id="empty" hidden>No rows match these filters.</div>',
    '<div class="pager" id="pager" hidden><button type="button" id="more">Show more</button><button type="button" id="all">Show all</button></div>',
    '</div>',
    '</div>',
    '</section>',
  ].join('\n');
}

function renderApis(summary: ReportSummary): string {
  const rows = summary.byApi.map((api) => {
    const name = api.api === '' ? '(catalogue)' : api.apiName;
    const href = filterHref({ severity: 'error,warning,info,clean', api: api.api === '' ? '(catalogue)' : api.api });
    const cell = (count: number, severity: string) =>
      `<td class="num">${count === 0 ? '<span class="name">0</span>' : `<span class="sev ${severity}">${count}</span>`}</td>`;
    return [
      '<tr>',
      `<td><a href="${href}">${escapeHtml(name)}</a><span class="name mono">${escapeHtml(api.api)}</span></td>`,
      `<td class="num">${api.cases}</td>`,
      `<td>${api.cases === 0 ? '<span class="name">—</span>' : cleanBar(api)}</td>`,
      cell(api.counts.error, 'error'),
      cell(api.counts.warning, 'warning'),
      cell(api.counts.info, 'info'),
      '</tr>',
    ].join('');
  });
  return [
    '<section id="apis">',
    `<h2>APIs<span class="sub">${plural(summary.byApi.length, 'API')}, worst first</span></h2>`,
    '<div class="table-wrap"><table class="apis">',
    '<thead><tr><th>API</th><th class="num">Responses</th><th>Without findings</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Infos</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table></div>',
    '</section>',
  ].join('\n');
}

function cleanBar(api: ApiCount): string {
  const width = api.cases === 0 ? 0 : Math.round((api.cleanCases / api.cases) * 1000) / 10;
  return (
    `<svg class="mini" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${api.cleanCases} of ${api.cases} without findings">` +
    `<rect class="track" width="100" height="8"/><rect class="clean" width="${width}" height="8"/></svg>` +
    `<span class="name">${api.cleanCases} of ${api.cases}</span>`
  );
}

function apiLabel(api: ApiCount): string {
  return api.api === '' ? '(catalogue)' : api.apiName;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
