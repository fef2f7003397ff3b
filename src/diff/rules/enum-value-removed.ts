import type { RuleDefinition } from '../../rules/types.ts';

export const diffEnumValueRemoved: RuleDefinition = {
  id: 'diff/enum-value-removed',
  stage: 'diff',
  severity: 'info',
  title: "Enum lost values",
  why: "A closed set of values lost members. Clients keep working: the branches for the removed values are never taken. Listed for review, and because generated union types narrow.",
  catalogueCase: "An OpenAPI-derived catalogue schema with `enum: [\"accepted\",\"sent\",\"failed\"]` that drops `\"failed\"` in a later version.",
  oasdiff: [{ id: "response-property-enum-value-removed", level: 'INFO' }],
};
