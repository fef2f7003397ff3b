import type { RuleDefinition } from '../../rules/types.ts';

export const diffOneOfMemberAdded: RuleDefinition = {
  id: 'diff/one-of-member-added',
  stage: 'diff',
  severity: 'error',
  title: "Response oneOf member added",
  why: "The body (or a value in it) may now take a shape none of the old `oneOf` members had. A client that handles the old shapes breaks on the new one. Members are matched by a constant tag, then by shape, never by position, so reordering is not a change.",
  catalogueCase: "An error envelope modelled as `oneOf` of a validation error and an auth error that gains a rate-limit error shape.",
  oasdiff: [{ id: "response-property-one-of-added", level: 'ERR' }, { id: "response-body-one-of-added", level: 'ERR' }, { id: "response-body-wrapped-in-one-of", level: 'ERR' }],
};
