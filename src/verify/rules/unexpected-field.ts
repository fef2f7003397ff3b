import type { RuleDefinition } from '../../rules/types.ts';

export const contractUnexpectedField: RuleDefinition = {
  id: 'contract/unexpected-field',
  stage: 'contract',
  severity: 'warning',
  title: 'The provider sent a field the schema does not describe',
  why:
    'Pact lets providers add fields (consumers must ignore what they do not read), so this does ' +
    'not fail the contract; but the schema and generated types no longer describe the API, and ' +
    'strict consumers (additionalProperties: false) reject the body. Update the catalogue.',
  catalogueCase:
    'sms77io Get Webhooks answers a `code` field its schema does not declare: the catalogue ' +
    'already lags behind the API.',
};
