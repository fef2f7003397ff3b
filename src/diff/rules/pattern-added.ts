import type { RuleDefinition } from '../../rules/types.ts';

export const diffPatternAdded: RuleDefinition = {
  id: 'diff/pattern-added',
  stage: 'diff',
  severity: 'info',
  title: "Response pattern added",
  why: "A string now has to match a pattern: the response promises more. No client breaks; listed for review. Mocks or fixtures that produced other strings now violate the contract; oasdiff rates this INFO.",
  catalogueCase: "An OpenAPI-derived schema that gains `pattern: \"^\\\\+[0-9]+$\"` on a phone number.",
  oasdiff: [{ id: "response-property-pattern-added", level: 'INFO' }],
};
