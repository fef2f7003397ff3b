import type { RuleDefinition } from '../../rules/types.ts';

export const diffSuccessStatusAdded: RuleDefinition = {
  id: 'diff/success-status-added',
  stage: 'diff',
  severity: 'info',
  title: "Success status added",
  why: "A newly documented 2xx status. Additive for the contract, but a client that accepts only the old success code should be checked. It is additive, so it never fails the gate; oasdiff rates it INFO.",
  catalogueCase: "A D7SMS version whose `Send Viber Message` documents a 202 next to its 200.",
  oasdiff: [{ id: "response-success-status-added", level: 'INFO' }],
};
