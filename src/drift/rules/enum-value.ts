import type { RuleDefinition } from '../../rules/types.ts';

export const driftEnumValue: RuleDefinition = {
  id: 'drift/enum-value',
  stage: 'drift',
  severity: 'warning',
  title: 'Live value outside the documented enum',
  why: 'A value the schema lists as one of a closed set has a value outside it. A client that switches over the documented values without a default meets a case it does not handle.',
  catalogueCase: 'Enode\'s vendor fields are enums (`"TADO"`, `"MILL"`, …); the sample\'s own example already has a vendor the schema does not list, and live answers will have more.',
};
