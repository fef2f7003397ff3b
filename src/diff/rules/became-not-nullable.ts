import type { RuleDefinition } from '../../rules/types.ts';

export const diffBecameNotNullable: RuleDefinition = {
  id: 'diff/became-not-nullable',
  stage: 'diff',
  severity: 'info',
  title: "Response value is no longer nullable",
  why: "A value that could be null no longer can. Clients keep working (their null branch is just never taken); listed for review because the generated types tighten and a hand-written mock that returns null now violates the contract.",
  catalogueCase: "SMSto `campaign_id` typed `\"null\"` in a version inferred from an example without a campaign, `string` once the example has one.",
  oasdiff: [{ id: "response-property-became-not-nullable", level: 'INFO' }, { id: "response-body-became-not-nullable", level: 'INFO' }],
};
