import type { RuleDefinition } from '../../rules/types.ts';

export const diffExclusiveMaximumIncreased: RuleDefinition = {
  id: 'diff/exclusive-maximum-increased',
  stage: 'diff',
  severity: 'error',
  title: "Response exclusive maximum raised or dropped",
  why: "The `exclusiveMaximum` bound of a response value is looser or gone, so values outside the old range can now arrive. Clients that relied on it (array indexes, ratios below one) break on them; oasdiff rates this ERR.",
  catalogueCase: "A draft-04 schema with `exclusiveMaximum: true` next to `maximum: 1`, normalised to `exclusiveMaximum: 1`, that a later version drops.",
  oasdiff: [{ id: "response-property-exclusive-max-increased", level: 'ERR' }, { id: "response-body-exclusive-max-increased", level: 'ERR' }],
};
