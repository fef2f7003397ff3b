import type { FindingDraft, RuleDefinition } from '../../rules/types.ts';
import type { LintContext } from './context.ts';

/**
 * A lint rule: its definition (id, default severity, why, catalogue case — the data in
 * src/rules/) plus the check. A check is a pure function of the context: it reads the model and
 * the context's helpers and yields findings without severity (the run grades them).
 */
export interface LintRule extends RuleDefinition {
  check(context: LintContext): Iterable<FindingDraft>;
}
