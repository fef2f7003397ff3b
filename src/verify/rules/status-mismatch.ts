import type { RuleDefinition } from '../../rules/types.ts';

export const contractStatusMismatch: RuleDefinition = {
  id: 'contract/status-mismatch',
  stage: 'contract',
  severity: 'error',
  title: 'Provider answered another status than the contract',
  why:
    'A consumer branches on the status: a 500 where the contract promises 200, or a 200 where it ' +
    'promises the documented 402 for a validation error, sends it down the wrong path. The ' +
    'interaction names the status it expects (provider state "status <code>").',
  catalogueCase:
    'D7SMS documents 402 for validation errors on Send Viber Message and 422 on Generate OTP; a ' +
    'provider that unifies them on 422 breaks every consumer written against the 402 contract.',
};
