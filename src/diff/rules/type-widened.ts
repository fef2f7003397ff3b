import type { RuleDefinition } from '../../rules/types.ts';

export const diffTypeWidened: RuleDefinition = {
  id: 'diff/type-widened',
  stage: 'diff',
  severity: 'error',
  title: "Response value may have a new type",
  why: "A value may now have a type it could not have before (integer → number, string → string or boolean). Clients that handle only the old types break; generated TypeScript types change.",
  catalogueCase: "SMSto types `campaign_id` as `\"null\"` because its one example had null; as soon as an example carries an id, the type becomes `string` or `[\"string\",\"null\"]`.",
  oasdiff: [{ id: "response-property-type-generalized", level: 'ERR' }, { id: "response-body-type-generalized", level: 'ERR' }, { id: "response-property-list-of-types-widened", level: 'ERR' }, { id: "response-body-list-of-types-widened", level: 'ERR' }],
};
