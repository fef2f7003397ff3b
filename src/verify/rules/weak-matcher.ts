import type { RuleDefinition } from '../../rules/types.ts';

export const contractWeakMatcher: RuleDefinition = {
  id: 'contract/weak-matcher',
  stage: 'contract',
  severity: 'info',
  title: 'The contract checks less than the schema says here',
  why:
    'Pact matchers cannot express everything JSON Schema can (a union such as `["string","null"]`), ' +
    'and where the catalogue example breaks its own schema the contract must still accept the ' +
    'example (the mock serves it), so the matcher falls back to the example\'s type. Each case is ' +
    'reported with its pointer so the gap is visible, not silent.',
  catalogueCase:
    'Enode Get HVAC: `mode` is an enum but the example is `{"0":"H","1":"E",…}` (a string ' +
    'serialised as an object); `lastSeen` is `format: date` with a date-time value; many fields ' +
    'are `["number","null"]`.',
};
