import type { Finding, Severity } from '../findings/types.ts';

/** Which stage produces a rule's findings; lint rules also carry their check. */
export type RuleStage = 'catalogue' | 'schema' | 'lint' | 'validate' | 'property' | 'contract' | 'drift' | 'diff' | 'accept';

/**
 * A rule is data: a stable id, a default severity, why it exists and the catalogue case that
 * made it necessary. docs/rules.md is generated from these definitions.
 */
export interface RuleDefinition {
  id: string;
  stage: RuleStage;
  severity: Severity;
  title: string;
  /** One paragraph: why this matters to a user of the API. */
  why: string;
  /** The catalogue case that made the rule necessary (row, API, what it showed). */
  catalogueCase: string;
  /** For diff rules: the oasdiff checks (github.com/oasdiff/oasdiff) it matches, with their levels. */
  oasdiff?: readonly OasdiffCheck[];
}

export interface OasdiffCheck {
  id: string;
  level: 'ERR' | 'WARN' | 'INFO';
}

/** A finding before config has graded it: the registry fills in the severity. */
export type FindingDraft = Omit<Finding, 'severity' | 'ruleId'> & { ruleId?: string };
