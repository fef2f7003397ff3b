import type { RuleDefinition } from '../../rules/types.ts';

export const diffOneOfMemberRemoved: RuleDefinition = {
  id: 'diff/one-of-member-removed',
  stage: 'diff',
  severity: 'info',
  title: "Response oneOf member removed",
  why: "A shape the body could take is gone: the response promises more, and clients keep working (the branch is never taken). Listed for review. Members are matched by a constant tag or by shape, so a reordered `oneOf` is not a change.",
  catalogueCase: "A `oneOf` error envelope that drops its legacy shape.",
  oasdiff: [{ id: "response-property-one-of-removed", level: 'INFO' }, { id: "response-body-one-of-removed", level: 'INFO' }],
};
