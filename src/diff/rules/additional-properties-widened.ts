import type { RuleDefinition } from '../../rules/types.ts';

export const diffAdditionalPropertiesWidened: RuleDefinition = {
  id: 'diff/additional-properties-widened',
  stage: 'diff',
  severity: 'error',
  title: "Response allows unknown properties",
  why: "An object that was closed (`additionalProperties: false`) or whose extra properties had a schema may now carry anything. A client that maps the body to a closed type, or reads extra properties by their old schema, breaks. oasdiff has no check for it.",
  catalogueCase: "A hand-closed catalogue schema (`additionalProperties: false` on an error envelope) that a later genson-inferred version leaves open.",
  oasdiff: [],
};
