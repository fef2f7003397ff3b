import type { RuleDefinition } from '../../rules/types.ts';

export const diffConstAdded: RuleDefinition = {
  id: 'diff/const-added',
  stage: 'diff',
  severity: 'info',
  title: "Response value became a constant",
  why: "A value is now always one constant: the response promises more than before, so no client breaks. Listed because generated types narrow to the literal. Mocks that return another value now violate the contract.",
  catalogueCase: "A hand-edited catalogue schema that pins `\"success\": true` on 2xx bodies where genson had inferred `boolean`.",
  oasdiff: [{ id: "response-property-const-added", level: 'INFO' }, { id: "response-body-const-added", level: 'INFO' }],
};
