import type { RuleDefinition } from '../../rules/types.ts';

export const diffAnyOfMemberRemoved: RuleDefinition = {
  id: 'diff/any-of-member-removed',
  stage: 'diff',
  severity: 'info',
  title: "Response anyOf member removed",
  why: "A shape the body could take is gone: the response promises more, clients keep working. Listed for review. Because every member is matched by shape, a member that only moved is not reported.",
  catalogueCase: "A status whose two example schemas became one after an example was removed from the catalogue.",
  oasdiff: [{ id: "response-property-any-of-removed", level: 'INFO' }, { id: "response-body-any-of-removed", level: 'INFO' }],
};
