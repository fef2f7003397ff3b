import type { RuleDefinition } from './types.ts';

export const endpointNoSuccessResponse: RuleDefinition = {
  id: 'endpoint/no-success-response',
  stage: 'lint',
  severity: 'warning',
  title: 'Endpoint documents no successful (2xx) response',
  why:
    'An endpoint whose catalogue entries are all errors tells consumers how it fails but not what it ' +
    'returns when it works: no success type can be generated, the mock provider can only serve an ' +
    'error by default, and a contract cannot describe the happy path. Usually the success example ' +
    'was lost or filed under a wrong status.',
  catalogueCase:
    'TextFlow SMS API `Check OTP verification code` documents only `400`, energy Optimizer `Get ' +
    'hours` and `Get hours_available` only `422`, and Friendchatik `FriendchatSMS` only `130`.',
};
