import type { RuleDefinition } from '../../rules/types.ts';

export const contractTypeMismatch: RuleDefinition = {
  id: 'contract/type-mismatch',
  stage: 'contract',
  severity: 'error',
  title: 'A field has another JSON type than the contract',
  why:
    'A number that became a string (or an object that became null) parses, and then fails deep ' +
    'in the consumer: arithmetic on "12", property access on null. The pointer names the field, ' +
    'the evidence shows expected and actual values.',
  catalogueCase:
    'D7SMS Num Lookup answers `mcc: 424` (integer): a provider sending `"424"` breaks consumers ' +
    'that compare it with a number.',
};
