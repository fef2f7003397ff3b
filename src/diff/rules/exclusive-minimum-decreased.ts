import type { RuleDefinition } from '../../rules/types.ts';

export const diffExclusiveMinimumDecreased: RuleDefinition = {
  id: 'diff/exclusive-minimum-decreased',
  stage: 'diff',
  severity: 'error',
  title: "Response exclusive minimum lowered or dropped",
  why: "The `exclusiveMinimum` bound of a response value is looser or gone, so values outside the old range can now arrive. Clients that relied on it (strictly positive prices, divisors) break on them; oasdiff rates this ERR.",
  catalogueCase: "A schema with `exclusiveMinimum: 0` on a price that a later version drops.",
  oasdiff: [{ id: "response-property-exclusive-min-decreased", level: 'ERR' }, { id: "response-body-exclusive-min-decreased", level: 'ERR' }],
};
