import type { RuleDefinition } from '../../rules/types.ts';

export const diffConstraintRelaxed: RuleDefinition = {
  id: 'diff/constraint-relaxed',
  stage: 'diff',
  severity: 'warning',
  title: 'Response constraint relaxed',
  why: 'A bound the old schema promised is looser or gone (`maxLength`, `maximum`, `minItems`, `pattern`, `format`, …). Clients that relied on it (buffer sizes, parsing a date-time, non-empty lists) may break.',
  catalogueCase: 'Enode `getChargingLocationTariff` caps its list at `maxItems: 2` (the length of its one example); a version with three tariffs raises the bound.',
};
