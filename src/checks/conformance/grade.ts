import type { Finding } from '../../findings/types.ts';
import { severityFor, type SeverityOverrides } from './severity.ts';

/** Findings with config's severities: re-graded, or dropped for a rule switched `off`. */
export function gradeFindings(findings: readonly Finding[], overrides?: SeverityOverrides): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const severity = severityFor(finding.ruleId, overrides);
    if (severity === 'off') continue;
    out.push(severity === finding.severity ? finding : { ...finding, severity });
  }
  return out;
}
