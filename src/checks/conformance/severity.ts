import type { Severity } from '../../findings/types.ts';
import { ruleById } from '../../rules/index.ts';
import { ApiconformError } from '../../util/errors.ts';

/** Per-rule overrides from config (`rules:` in apiconform.config.*): a severity, or `off`. */
export type SeverityOverrides = ReadonlyMap<string, Severity | 'off'>;

/** The severity a rule's findings get in this run: the override, else the rule's default. */
export function severityFor(ruleId: string, overrides?: SeverityOverrides): Severity | 'off' {
  const override = overrides?.get(ruleId);
  if (override !== undefined) return override;
  const rule = ruleById(ruleId);
  if (!rule) throw new ApiconformError('internal', `rule ${ruleId} is not in the registry (src/rules/registry.ts)`);
  return rule.severity;
}
