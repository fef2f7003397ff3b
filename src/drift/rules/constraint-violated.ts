import type { RuleDefinition } from '../../rules/types.ts';

export const driftConstraintViolated: RuleDefinition = {
  id: 'drift/constraint-violated',
  stage: 'drift',
  severity: 'warning',
  title: 'Live value breaks a documented bound',
  why: 'The live body breaks a constraint other than type, required, enum and format: a length, a range, a pattern, an item count. Often the schema was inferred from one example (an array with `maxItems` equal to the example\'s length), sometimes the API changed.',
  catalogueCase: 'Enode `getChargingLocationTariff` caps its list at `maxItems: 2`, the length of its one example; a live answer with three tariffs breaks the bound.',
};
