import type { RuleDefinition } from '../../rules/types.ts';

export const diffPatternRemoved: RuleDefinition = {
  id: 'diff/pattern-removed',
  stage: 'diff',
  severity: 'warning',
  title: "Response pattern removed",
  why: "A string pattern is gone: any string may now arrive. A warning, not oasdiff's INFO, because a client that relies on the shape of the string (splitting an id, parsing a phone number) does break on the first other value; like an enum opening up, it depends on how the client reads it.",
  catalogueCase: "An OpenAPI-derived schema with a `pattern` on a phone number that a later version, re-inferred by genson, drops.",
  oasdiff: [{ id: "response-property-pattern-removed", level: 'INFO' }],
};
