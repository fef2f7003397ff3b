import type { RuleDefinition } from '../../rules/types.ts';

export const diffRequiredPropertyRemoved: RuleDefinition = {
  id: 'diff/required-property-removed',
  stage: 'diff',
  severity: 'error',
  title: "Required response property removed",
  why: "A property every response had is gone from the schema. A client that reads it gets `undefined`, and code compiled against the generated types no longer compiles: the most common breaking change of a response, and the first one a gate should catch.",
  catalogueCase: "SMSto `Get message by id` returns `campaign_id`, `scheduled_for` and `timezone`; a version whose example lacks them drops them from the genson schema.",
  oasdiff: [{ id: "response-required-property-removed", level: 'ERR' }],
};
