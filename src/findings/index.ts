export type { Finding, FindingSource, Severity } from './types.ts';
export { SEVERITIES, compareFindings, isAtLeast, severityRank } from './types.ts';
