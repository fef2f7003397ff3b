import type { RuleDefinition } from '../../rules/types.ts';

export const diffConstChanged: RuleDefinition = {
  id: 'diff/const-changed',
  stage: 'diff',
  severity: 'error',
  title: "Response constant changed",
  why: "A value that was always one constant is now always another. A client that compares against the old constant (a version tag, an object kind, a discriminator) takes the wrong branch for every response.",
  catalogueCase: "An envelope field such as `\"object\": \"message\"` typed as a `const` in a hand-written schema that becomes `\"object\": \"sms\"`.",
  oasdiff: [{ id: "response-property-const-changed", level: 'ERR' }, { id: "response-body-const-changed", level: 'ERR' }],
};
