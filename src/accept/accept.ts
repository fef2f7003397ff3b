import type { Finding } from '../findings/types.ts';
import type { FindingDraft } from '../rules/types.ts';
import { globMatcher as glob } from '../util/glob.ts';

/**
 * Living with known findings, one mechanism for every command: an **ignore file** of accepted
 * findings (each with a reason and an optional expiry) and a **baseline** (an earlier
 * `findings.json`). A matched finding stays in every report, marked `accepted`, and does not count
 * for `--fail-on`; a baseline finding that no longer occurs is reported as fixed; an ignore entry
 * that matches nothing, or has expired, is itself a warning (`accept/unused-entry`,
 * `accept/expired-entry`). Matching is keyed on rule, api, endpoint, status and pointer, so it
 * survives line moves and reworded messages.
 */
export interface IgnoreEntry {
  rule: string;
  api: string;
  endpoint: string;
  status?: number;
  pointer?: string;
  reason: string;
  /** `YYYY-MM-DD`: from that day on the entry no longer accepts anything and is reported. */
  expires?: string;
  /** Where the entry starts in its file (set by `loadIgnoreFile`). */
  line?: number;
}

export interface IgnoreFile {
  file: string;
  entries: IgnoreEntry[];
}

export interface Acceptance {
  ignore?: IgnoreFile;
  /** The findings of an earlier run (a `findings.json`). */
  baseline?: { file: string; findings: readonly Finding[] };
  /** `YYYY-MM-DD`; defaults to today (UTC). */
  today?: string;
}

export interface Accepted {
  findings: Finding[];
  /** Baseline findings that no longer occur. */
  fixed: Finding[];
}

/** The identity of a finding across runs: what it is about, not where its row sits or how it is worded. */
export function findingKey(finding: Pick<Finding, 'ruleId' | 'api' | 'endpoint' | 'status' | 'pointer'>): string {
  return [finding.ruleId, finding.api, finding.endpoint, finding.status ?? '', finding.pointer ?? ''].join('\u0000');
}

function entryMatcher(entry: IgnoreEntry): (finding: Finding) => boolean {
  const [rule, api, endpoint] = [glob(entry.rule), glob(entry.api), glob(entry.endpoint)];
  return (finding) =>
    rule(finding.ruleId) &&
    api(finding.api) &&
    endpoint(finding.endpoint) &&
    (entry.status === undefined || entry.status === finding.status) &&
    (entry.pointer === undefined || entry.pointer === finding.pointer);
}

/** Marks accepted findings, adds warnings for unused or expired ignore entries, lists what the baseline had and is gone. */
export function acceptFindings(findings: readonly Finding[], acceptance: Acceptance, grade: (draft: FindingDraft & { ruleId: string }) => Finding): Accepted {
  const today = acceptance.today ?? new Date().toISOString().slice(0, 10);
  const entries = (acceptance.ignore?.entries ?? []).map((entry, index) => ({ entry, index, matches: entryMatcher(entry), used: 0, expired: entry.expires !== undefined && entry.expires <= today }));
  const baseline = new Map<string, Finding>();
  for (const finding of acceptance.baseline?.findings ?? []) if (!finding.accepted || finding.accepted.by === 'baseline') baseline.set(findingKey(finding), finding);
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const finding of findings) {
    const key = findingKey(finding);
    seen.add(key);
    const entry = entries.find((e) => e.matches(finding));
    if (entry) entry.used += 1;
    if (entry && !entry.expired) {
      out.push({ ...finding, accepted: { by: 'ignore', reason: entry.entry.reason, ...(entry.entry.expires ? { expires: entry.entry.expires } : {}) } });
    } else if (baseline.has(key)) {
      out.push({ ...finding, accepted: { by: 'baseline', reason: `in the baseline ${acceptance.baseline!.file}` } });
    } else {
      out.push(finding);
    }
  }
  const file = acceptance.ignore?.file ?? '';
  for (const { entry, index, used, expired } of entries) {
    const what = `${entry.rule} at ${entry.api}/${entry.endpoint}${entry.status === undefined ? '' : ` ${entry.status}`}${entry.pointer ? ` ${entry.pointer}` : ''}`;
    if (expired) {
      out.push(grade({ ruleId: 'accept/expired-entry', api: entry.api, endpoint: entry.endpoint === '*' ? '' : entry.endpoint, ...(entry.status === undefined ? {} : { status: entry.status }), message: `ignore entry ${index + 1} (${what}) expired on ${entry.expires}${used > 0 ? `: its ${used} finding(s) count again` : ''}; renew it with a new reason or fix the findings`, evidence: { reason: entry.reason, expires: entry.expires }, source: { file, line: entry.line ?? 1 } }));
    } else if (used === 0) {
      out.push(grade({ ruleId: 'accept/unused-entry', api: entry.api, endpoint: entry.endpoint === '*' ? '' : entry.endpoint, ...(entry.status === undefined ? {} : { status: entry.status }), message: `ignore entry ${index + 1} (${what}) matches no finding: remove it, the change it accepted is gone or fixed`, evidence: { reason: entry.reason }, source: { file, line: entry.line ?? 1 } }));
    }
  }
  const fixed = [...baseline.entries()].filter(([key]) => !seen.has(key)).map(([, finding]) => finding);
  return { findings: out, fixed };
}
