import type { RuleDefinition } from '../../rules/types.ts';

export const diffPropertyAdded: RuleDefinition = {
  id: 'diff/property-added',
  stage: 'diff',
  severity: 'info',
  title: "Response property added",
  why: "A new property is additive for readers of JSON. It is listed because strict clients (closed generated interfaces, `additionalProperties: false` validators) do see it.",
  catalogueCase: "Any new field in an example (e.g. a `cost` next to D7SMS `request_id`) adds a property to the inferred schema.",
  oasdiff: [{ id: "response-optional-property-added", level: 'INFO' }, { id: "response-required-property-added", level: 'INFO' }],
};
