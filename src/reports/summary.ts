import { compareFindings, isAtLeast, SEVERITIES } from '../findings/types.ts';
import type { Finding, Severity } from '../findings/types.ts';
import type { ReportCase, ReportInput } from './types.ts';

/**
 * The numbers every format shows, computed once from a `ReportInput` so that the Markdown, the
 * JSON, the JUnit and the HTML can never disagree about totals, the verdict or the ranking.
 */
export interface ReportSummary {
  /** The findings in `compareFindings` order. */
  findings: Finding[];
  totals: SeverityCounts;
  /** True exactly when the CLI exits 1: some finding is at or above `failOn`. */
  failed: boolean;
  /** Rules with findings, worst first (errors, then warnings, then infos, then id). */
  byRule: RuleCount[];
  /** Every API that was checked or has findings, worst first, clean ones last. */
  byApi: ApiCount[];
  /** Always the same classes in the same order, so charts of two runs line up. */
  byStatusClass: StatusClassCount[];
  /** Cases (endpoint×status) with no finding at all. */
  cleanCases: number;
  /**
   * From `property/drift-blind` findings: for each kind of drift some response's schema cannot
   * detect, on how many responses ("drift checks are blind to missing fields on N of M responses").
   */
  driftBlindness: DriftBlindness[];
  /** Findings accepted by an ignore entry or a baseline: listed, never in `totals` nor the verdict. */
  accepted: Finding[];
  /** Baseline findings that no longer occur. */
  fixed: Finding[];
}

export interface DriftBlindness {
  /** What cannot be seen, as the finding's evidence names it ("missing fields"). */
  label: string;
  responses: number;
  /** Responses checked (endpoint × status). */
  of: number;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface RuleCount {
  ruleId: string;
  title: string;
  counts: SeverityCounts;
  total: number;
}

export interface ApiCount {
  api: string;
  apiName: string;
  counts: SeverityCounts;
  total: number;
  /** Endpoint×status pairs checked for this API, and how many of them have no finding. */
  cases: number;
  cleanCases: number;
}

/** `none` is for findings about a whole API or the catalogue; `other` for codes outside 100–599. */
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'other' | 'none';

export const STATUS_CLASSES: readonly StatusClass[] = ['1xx', '2xx', '3xx', '4xx', '5xx', 'other', 'none'];

export interface StatusClassCount {
  statusClass: StatusClass;
  counts: SeverityCounts;
  total: number;
}

export function statusClass(status: number | undefined): StatusClass {
  if (status === undefined) return 'none';
  if (!Number.isInteger(status) || status < 100 || status > 599) return 'other';
  return `${Math.floor(status / 100)}xx` as StatusClass;
}

export function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

/** The key that ties a finding to the case it is about. */
export function caseKey(item: { api: string; endpoint: string; status?: number }): string {
  return `${item.api}\u0000${item.endpoint}\u0000${item.status ?? ''}`;
}

/**
 * Whether a checked case has a finding: one about that endpoint×status, or one about its whole
 * endpoint (no status). Findings about a whole API do not count against each of its responses.
 */
export function caseHasFindings(findings: readonly Finding[]): (item: ReportCase) => boolean {
  const keys = new Set<string>();
  for (const finding of findings) {
    if (finding.endpoint === '') continue;
    keys.add(caseKey(finding));
  }
  return (item) => keys.has(caseKey(item)) || keys.has(caseKey({ api: item.api, endpoint: item.endpoint }));
}

export function summariseReport(input: ReportInput): ReportSummary {
  const accepted = input.findings.filter((f) => f.accepted).sort(compareFindings);
  const findings = input.findings.filter((f) => !f.accepted).sort(compareFindings);
  const totals = emptyCounts();
  for (const finding of findings) totals[finding.severity] += 1;
  const failed = input.failOn !== 'never' && findings.some((f) => isAtLeast(f.severity, input.failOn as Severity));

  const titles = new Map(input.rules.map((rule) => [rule.id, rule.title]));
  const rules = new Map<string, RuleCount>();
  const classes = new Map<StatusClass, StatusClassCount>(
    STATUS_CLASSES.map((statusClass) => [statusClass, { statusClass, counts: emptyCounts(), total: 0 }]),
  );
  const apis = new Map<string, ApiCount>();
  const apiNames = apiNamesOf(input.cases);
  const api = (slug: string): ApiCount => {
    let entry = apis.get(slug);
    if (!entry) {
      entry = { api: slug, apiName: apiNames.get(slug) ?? slug, counts: emptyCounts(), total: 0, cases: 0, cleanCases: 0 };
      apis.set(slug, entry);
    }
    return entry;
  };

  for (const finding of findings) {
    let rule = rules.get(finding.ruleId);
    if (!rule) {
      rule = { ruleId: finding.ruleId, title: titles.get(finding.ruleId) ?? finding.ruleId, counts: emptyCounts(), total: 0 };
      rules.set(finding.ruleId, rule);
    }
    for (const entry of [rule, classes.get(statusClass(finding.status))!, api(finding.api)]) {
      entry.counts[finding.severity] += 1;
      entry.total += 1;
    }
  }
  const hasFindings = caseHasFindings(findings);

  let cleanCases = 0;
  for (const checked of uniqueCases(input.cases)) {
    const entry = api(checked.api);
    entry.cases += 1;
    if (!hasFindings(checked)) {
      entry.cleanCases += 1;
      cleanCases += 1;
    }
  }

  return {
    findings,
    totals,
    failed,
    driftBlindness: driftBlindnessOf(findings, uniqueCases(input.cases).length),
    accepted,
    fixed: [...(input.fixed ?? [])].sort(compareFindings),
    byRule: [...rules.values()].sort((a, b) => compareCounts(a.counts, b.counts) || compareText(a.ruleId, b.ruleId)),
    byApi: [...apis.values()].sort((a, b) => compareCounts(a.counts, b.counts) || compareText(a.api, b.api)),
    byStatusClass: [...classes.values()],
    cleanCases,
  };
}

function driftBlindnessOf(findings: readonly Finding[], of: number): DriftBlindness[] {
  const counts = new Map<string, Set<string>>();
  for (const finding of findings) {
    if (finding.ruleId !== 'property/drift-blind') continue;
    const labels = (finding.evidence as { labels?: unknown } | undefined)?.labels;
    if (!Array.isArray(labels)) continue;
    for (const label of labels) {
      if (typeof label !== 'string') continue;
      let responses = counts.get(label);
      if (!responses) counts.set(label, (responses = new Set()));
      responses.add(caseKey(finding));
    }
  }
  return [...counts.entries()].map(([label, responses]) => ({ label, responses: responses.size, of })).sort((a, b) => b.responses - a.responses || compareText(a.label, b.label));
}

/** "drift checks are blind to missing fields on 812 of 24,137 responses" */
export function driftBlindnessText(entry: DriftBlindness): string {
  return `drift checks are blind to ${entry.label} on ${entry.responses.toLocaleString('en-US')} of ${entry.of.toLocaleString('en-US')} responses`;
}

/** Worst first: more errors, then more warnings, then more infos. */
export function compareCounts(a: SeverityCounts, b: SeverityCounts): number {
  for (const severity of SEVERITIES) {
    const difference = b[severity] - a[severity];
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Cases deduplicated and in a stable order (api, endpoint, status). */
export function uniqueCases(cases: readonly ReportCase[]): ReportCase[] {
  const seen = new Map<string, ReportCase>();
  for (const item of cases) if (!seen.has(caseKey(item))) seen.set(caseKey(item), item);
  return [...seen.values()].sort(
    (a, b) => compareText(a.api, b.api) || compareText(a.endpoint, b.endpoint) || a.status - b.status,
  );
}

export function apiNamesOf(cases: readonly ReportCase[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of uniqueCases(cases)) if (!names.has(item.api)) names.set(item.api, item.apiName);
  return names;
}

export function endpointNamesOf(cases: readonly ReportCase[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of uniqueCases(cases)) {
    const key = `${item.api}\u0000${item.endpoint}`;
    if (!names.has(key)) names.set(key, item.endpointName);
  }
  return names;
}

/** "3 errors, 1 warning, 0 infos". */
export function countsText(counts: SeverityCounts): string {
  return SEVERITIES.map((severity) => plural(counts[severity], severity)).join(', ');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One line that says whether the run passes and why: the same words in every format. */
export function verdictText(summary: ReportSummary, failOn: Severity | 'never'): string {
  if (failOn === 'never') return `passed (--fail-on never): ${countsText(summary.totals)}`;
  const blocking = SEVERITIES.filter((severity) => isAtLeast(severity, failOn)).reduce(
    (sum, severity) => sum + summary.totals[severity],
    0,
  );
  return summary.failed
    ? `failed: ${plural(blocking, 'finding')} at or above ${failOn}`
    : `passed: no finding at or above ${failOn}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
