import type { RuleDefinition } from '../../rules/types.ts';

export const diffConditionalRemoved: RuleDefinition = {
  id: 'diff/conditional-removed',
  stage: 'diff',
  severity: 'error',
  title: "Response if/then/else removed",
  why: "An `if`/`then`/`else` is gone: what the body promised under its condition is no longer promised. The `then` and `else` schemas of a kept conditional are compared like any other.",
  catalogueCase: "An error envelope typed `if: {properties: {success: {const: false}}}, then: {required: [\"error\"]}` that a later version drops.",
  oasdiff: [{ id: "response-property-if-removed", level: 'ERR' }, { id: "response-body-if-removed", level: 'ERR' }, { id: "response-property-then-removed", level: 'ERR' }, { id: "response-body-then-removed", level: 'ERR' }, { id: "response-property-else-removed", level: 'ERR' }, { id: "response-body-else-removed", level: 'ERR' }],
};
