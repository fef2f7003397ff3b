import type { RuleDefinition } from '../../rules/types.ts';

export const diffStatusAdded: RuleDefinition = {
  id: 'diff/status-added',
  stage: 'diff',
  severity: 'info',
  title: 'Status added',
  why: 'A newly documented status. Additive for the contract, but a client that treats any undocumented code as a failure, or accepts only one success code, should be checked when a 2xx is added.',
  catalogueCase: 'A D7SMS version that answers validation errors with 422 instead of 402 adds a status.',
};
