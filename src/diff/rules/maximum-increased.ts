import type { RuleDefinition } from '../../rules/types.ts';

export const diffMaximumIncreased: RuleDefinition = {
  id: 'diff/maximum-increased',
  stage: 'diff',
  severity: 'error',
  title: "Response maximum raised or dropped",
  why: "The `maximum` bound of a response value is looser or gone, so values outside the old range can now arrive. Clients that relied on it (fixed-width storage, percentages, enum-like small integers) break on them; oasdiff rates this ERR.",
  catalogueCase: "An OpenAPI-derived schema with `maximum: 100` on a percentage that a later version raises to 1000 or drops.",
  oasdiff: [{ id: "response-property-max-increased", level: 'ERR' }, { id: "response-body-max-increased", level: 'ERR' }],
};
