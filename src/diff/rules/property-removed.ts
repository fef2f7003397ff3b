import type { RuleDefinition } from '../../rules/types.ts';

export const diffPropertyRemoved: RuleDefinition = {
  id: 'diff/property-removed',
  stage: 'diff',
  severity: 'error',
  title: 'Response property removed',
  why: 'A property the old schema described is gone from the new one. A client that reads it gets `undefined`, and code compiled against the generated types no longer compiles: the most common breaking change of a response, and the first one a gate should catch.',
  catalogueCase: 'SMSto `Get message by id` returns `campaign_id`, `scheduled_for` and `timezone`; a version whose example lacks them drops them from the genson schema.',
};
