import type { RuleDefinition } from './types.ts';

export const statusNonStandard: RuleDefinition = {
  id: 'status/non-standard',
  stage: 'lint',
  severity: 'warning',
  title: 'Status code outside the IANA registry, or 1xx as a final response',
  why:
    'Clients only know the codes in the IANA HTTP Status Code Registry; anything else is treated as ' +
    'the `x00` of its class at best, and rejected by strict clients and proxies at worst. A `1xx` is ' +
    'informational by definition: it is never the final response to a request and carries no body, ' +
    'so a documented `1xx` body cannot be what the API sends — a client receiving one keeps waiting ' +
    'for the real response.',
  catalogueCase:
    'Friendchatik `FriendchatSMS` documents its only response, `{"key1": "value", "key2": "value"}`, ' +
    'under status `130`.',
};
