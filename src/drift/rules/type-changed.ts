import type { RuleDefinition } from '../../rules/types.ts';

export const driftTypeChanged: RuleDefinition = {
  id: 'drift/type-changed',
  stage: 'drift',
  severity: 'error',
  title: 'Live value has another type',
  why: 'A value in the live body has a type the schema does not allow (a number sent as a string, an object where a string was documented, null). Clients that parse it the documented way break.',
  catalogueCase: 'SMSto types `campaign_id` as `"null"` from its one example; the live API sends a string id as soon as the message belongs to a campaign. The mock\'s `change-type` mutation reproduces it.',
};
