import type { RuleDefinition } from '../../rules/types.ts';

export const diffTypeNarrowed: RuleDefinition = {
  id: 'diff/type-narrowed',
  stage: 'diff',
  severity: 'info',
  title: "Response value lost a type",
  why: "A value can no longer have a type it could have before (for example `string or integer` becomes `string`). Clients keep working: they handle a superset of what now arrives. The change is listed for review because it usually means the schema was re-inferred from other examples.",
  catalogueCase: "SMSto `campaign_id` typed `[\"string\",\"integer\"]` in one version and `string` in the next.",
  oasdiff: [{ id: "response-property-type-specialized", level: 'INFO' }, { id: "response-body-type-specialized", level: 'INFO' }, { id: "response-property-list-of-types-narrowed", level: 'INFO' }, { id: "response-body-list-of-types-narrowed", level: 'INFO' }, { id: "response-property-type-compatible", level: 'INFO' }, { id: "response-body-type-compatible", level: 'INFO' }],
};
