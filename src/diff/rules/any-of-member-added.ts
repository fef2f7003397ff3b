import type { RuleDefinition } from '../../rules/types.ts';

export const diffAnyOfMemberAdded: RuleDefinition = {
  id: 'diff/any-of-member-added',
  stage: 'diff',
  severity: 'error',
  title: "Response anyOf member added",
  why: "The body may now take a shape none of the old `anyOf` members had. oasdiff rates this INFO, but for a response it breaks a client exactly as a new `oneOf` member does, so apiconform rates it error. The body schema of a status whose examples disagree is an `anyOf` of their schemas: an example with a new shape adds a member.",
  catalogueCase: "D7SMS statuses whose examples differ become an `anyOf` of their genson schemas; a version whose new example has another shape adds a member.",
  oasdiff: [{ id: "response-property-any-of-added", level: 'INFO' }, { id: "response-body-any-of-added", level: 'INFO' }],
};
