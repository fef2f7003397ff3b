/**
 * A finding is data about the catalogue or the API (never about the tool): every check produces
 * this record and every report format renders it.
 */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface FindingSource {
  file: string;
  line: number;
  rowId?: string;
}

export interface Finding {
  /** Stable rule id, e.g. `example/violates-schema`; documented in docs/rules.md. */
  ruleId: string;
  severity: Severity;
  /** API slug (or, for a row that never made it into the model, the best guess at it). */
  api: string;
  /** Endpoint slug, or `''` for findings about a whole API or the catalogue. */
  endpoint: string;
  status?: number;
  /** Index of the example within its status (the row id's last part). */
  example?: number;
  /** JSON pointer into the body or schema the finding is about. */
  pointer?: string;
  /** What is wrong and what to do, readable without anything else. */
  message: string;
  /** The value or excerpt that shows it (kept small). */
  evidence?: unknown;
  source?: FindingSource;
  /**
   * Set when the finding is known and accepted (an ignore-file entry or a baseline): it is still
   * reported, but does not count for `--fail-on`.
   */
  accepted?: FindingAcceptance;
}

export interface FindingAcceptance {
  by: 'ignore' | 'baseline';
  reason: string;
  expires?: string;
}

/** Whether a finding counts for `--fail-on` and the totals (accepted ones do not). */
export function isCounted(finding: Finding): boolean {
  return finding.accepted === undefined;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** Stable order for reports and tests: api, endpoint, status, example, rule, pointer, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.api, b.api) ||
    cmp(a.endpoint, b.endpoint) ||
    (a.status ?? -1) - (b.status ?? -1) ||
    (a.example ?? -1) - (b.example ?? -1) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.pointer ?? '', b.pointer ?? '') ||
    cmp(a.message, b.message) ||
    (a.source?.line ?? 0) - (b.source?.line ?? 0)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
