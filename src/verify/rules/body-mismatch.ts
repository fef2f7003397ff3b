import type { RuleDefinition } from '../../rules/types.ts';

export const contractBodyMismatch: RuleDefinition = {
  id: 'contract/body-mismatch',
  stage: 'contract',
  severity: 'error',
  title: 'A value breaks the contract (format, pattern, enum, array size)',
  why:
    'The type is right but the value is not what the schema allows: a timestamp that is not RFC ' +
    '3339, a string outside its enum or pattern, an array shorter than `minItems`. Consumers that ' +
    'parse or switch on such values fail.',
  catalogueCase:
    'sms77io Get Webhooks declares `request_method` with pattern `\\b(GET|POST)`; Enode declares ' +
    'vendor enums (`TESLA`, `BMW`…) that consumers switch on.',
};
