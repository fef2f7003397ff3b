import type { Finding } from '../findings/types.ts';
import type { RuleSetting } from './config.ts';

/** Applies per-rule severities from config: `off` removes a rule's findings, a severity re-grades them. */
export function gradeFindings(findings: readonly Finding[], rules: ReadonlyMap<string, RuleSetting>): Finding[] {
  if (rules.size === 0) return [...findings];
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = rules.get(finding.ruleId);
    if (setting === 'off') continue;
    out.push(setting ? { ...finding, severity: setting } : finding);
  }
  return out;
}
