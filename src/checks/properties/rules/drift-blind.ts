import type { RuleDefinition } from '../../../rules/types.ts';

export const propertyDriftBlind: RuleDefinition = {
  id: 'property/drift-blind',
  stage: 'property',
  severity: 'info',
  title: 'The schema cannot detect some kinds of drift at all',
  why:
    '`drift` judges live responses by their schema. Bodies drawn from the schema are changed each way ' +
    'responses drift (a field missing, a type changed, a null, a new enum value, a format, an extra ' +
    'field); a kind of change the schema never rejects, wherever it is made, is one the nightly drift ' +
    'check is blind to for this response. One finding per endpoint and status lists those kinds; the ' +
    'reports sum them up ("drift checks are blind to missing fields on N of M responses").',
  catalogueCase:
    'Schemas inferred from one example (genson) have no `required` when the example was an empty object, ' +
    'no `enum`, no `format` and no `additionalProperties: false`: nightly drift cannot see a new enum ' +
    'value or an extra field on any of them.',
};
