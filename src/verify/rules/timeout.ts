import type { RuleDefinition } from '../../rules/types.ts';

export const contractTimeout: RuleDefinition = {
  id: 'contract/timeout',
  stage: 'contract',
  severity: 'error',
  title: 'The provider did not answer in time',
  why:
    'A consumer with a timeout sees no answer at all; verification stops waiting after the ' +
    'configured time (bindings `defaults.timeoutMs`, `--timeout`) instead of hanging the gate.',
  catalogueCase:
    'Messaging APIs in the catalogue (HLR lookups, OTP delivery) call carrier networks and can ' +
    'take seconds; the contract gate must bound that.',
};
