import type { RuleDefinition } from '../../rules/types.ts';

export const contractMissingOptionalField: RuleDefinition = {
  id: 'contract/missing-optional-field',
  stage: 'contract',
  severity: 'warning',
  title: 'A field the example shows is missing (the schema does not require it)',
  why:
    'The contract expects the fields the catalogue example shows, since the example is what the ' +
    'provider was seen to send; the schema does not list this one in `required`, so the absence ' +
    'may be legitimate. Consumers that rely on it should check, or the schema should say `required`.',
  catalogueCase:
    'Enode API schemas come from an OpenAPI document without `required` lists: every field of ' +
    'Get Vehicles (`id`, `vendor`, `chargeState`…) is formally optional.',
};
