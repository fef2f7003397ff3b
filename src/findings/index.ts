export type { Finding, FindingAcceptance, FindingSource, Severity } from './types.ts';
export { SEVERITIES, compareFindings, isAtLeast, isCounted, severityRank } from './types.ts';
