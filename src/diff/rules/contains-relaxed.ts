import type { RuleDefinition } from '../../rules/types.ts';

export const diffContainsRelaxed: RuleDefinition = {
  id: 'diff/contains-relaxed',
  stage: 'diff',
  severity: 'error',
  title: "Response contains relaxed or removed",
  why: "An array promised at least (or at most) some items matching a schema and no longer does: `contains` removed or widened, `minContains` lowered, `maxContains` raised. A client that looks up the promised item breaks.",
  catalogueCase: "A list of contacts with `contains: {properties: {primary: {const: true}}}` that a later version drops.",
  oasdiff: [{ id: "response-property-contains-removed", level: 'ERR' }, { id: "response-body-contains-removed", level: 'ERR' }, { id: "response-property-min-contains-decreased", level: 'ERR' }, { id: "response-body-min-contains-decreased", level: 'ERR' }, { id: "response-property-max-contains-increased", level: 'ERR' }, { id: "response-body-max-contains-increased", level: 'ERR' }],
};
