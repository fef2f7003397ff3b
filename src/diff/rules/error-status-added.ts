import type { RuleDefinition } from '../../rules/types.ts';

export const diffErrorStatusAdded: RuleDefinition = {
  id: 'diff/error-status-added',
  stage: 'diff',
  severity: 'info',
  title: "Error status added",
  why: "A newly documented non-2xx status. Additive: clients already had to handle unexpected errors; listed for review. A client with a generated union of statuses gets one more member to handle.",
  catalogueCase: "A D7SMS version that answers validation errors with 422 instead of 402 adds a status.",
  oasdiff: [{ id: "response-non-success-status-added", level: 'INFO' }],
};
