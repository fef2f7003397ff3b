import type { RuleDefinition } from '../../rules/types.ts';

export const diffPrefixItemsRemoved: RuleDefinition = {
  id: 'diff/prefix-items-removed',
  stage: 'diff',
  severity: 'info',
  title: "Response prefixItems removed",
  why: "Array positions no longer have their own schemas; every item follows `items`. Listed for review, as in oasdiff; a change in what an item may be is reported by the rules for that change.",
  catalogueCase: "A tuple-typed array (draft-07 `items: [...]`, normalised to `prefixItems`) that a later version types as a plain list.",
  oasdiff: [{ id: "response-property-prefix-items-removed", level: 'INFO' }, { id: "response-body-prefix-items-removed", level: 'INFO' }],
};
