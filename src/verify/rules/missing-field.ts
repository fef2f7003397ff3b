import type { RuleDefinition } from '../../rules/types.ts';

export const contractMissingField: RuleDefinition = {
  id: 'contract/missing-field',
  stage: 'contract',
  severity: 'error',
  title: 'A field the schema requires is missing',
  why:
    'The contract expects every field of the example; this one is also required by the schema, ' +
    'so a consumer that reads it gets undefined. The pointer names the field in the body.',
  catalogueCase:
    'D7SMS validation errors carry `detail[].loc/msg/type`, all required by the schema: a consumer ' +
    'rendering `detail[0].msg` breaks when the provider drops `msg`.',
};
