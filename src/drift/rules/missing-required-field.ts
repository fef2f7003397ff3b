import type { RuleDefinition } from '../../rules/types.ts';

export const driftMissingRequiredField: RuleDefinition = {
  id: 'drift/missing-required-field',
  stage: 'drift',
  severity: 'error',
  title: 'Live answer lacks a required field',
  why: 'A field the schema requires is missing from the live body. Code (and generated types) that read it get `undefined`: the most common breaking drift of a response.',
  catalogueCase: 'genson marks every field of its one example required: D7SMS `Send Viber Message` requires `request_id`, `status` and `created_at`; a live answer without `created_at` drifts. The mock\'s `drop-field` mutation reproduces it.',
};
