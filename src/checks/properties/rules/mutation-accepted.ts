import type { RuleDefinition } from '../../../rules/types.ts';

export const propertyMutationAccepted: RuleDefinition = {
  id: 'property/mutation-accepted',
  stage: 'property',
  severity: 'warning',
  title: 'A body the schema forbids is still accepted',
  why:
    'Negative property checks take a valid body and break exactly one thing the schema forbids — drop ' +
    'a required property, change a type, step outside a range or an enum, add a property where none is ' +
    'allowed, break a pattern or a format — keeping only mutations the schema itself rejects. If the ' +
    'validator that judges responses still accepts such a body, it does not enforce what the contract ' +
    'declares, and consumers are not protected from that change. The finding names the mutation, where ' +
    'it was made and the seed to reproduce it.',
  catalogueCase:
    'No bundled row triggers it with apiconform\'s own validator. It catches a validator set up apart from ' +
    'the schema: one that does not assert `format` accepts "not-a-valid-value" for the Enode API\'s ' +
    '`format: date-time` fields, and a consumer relying on the contract would parse garbage.',
};
