import type { RuleDefinition } from '../../rules/types.ts';

export const driftNewField: RuleDefinition = {
  id: 'drift/new-field',
  stage: 'drift',
  severity: 'info',
  title: 'Live answer has a field the schema does not name',
  why: 'The live body has a field the schema\'s `properties` do not name. Additive for most JSON clients, so info, but it is exactly the drift that a closed generated interface, a strict validator or a contract with `additionalProperties: false` notices first.',
  catalogueCase: 'Providers add fields over time (a `cost` next to D7SMS `request_id`); the mock\'s `extra-field` mutation reproduces it.',
};
