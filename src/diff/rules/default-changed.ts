import type { RuleDefinition } from '../../rules/types.ts';

export const diffDefaultChanged: RuleDefinition = {
  id: 'diff/default-changed',
  stage: 'diff',
  severity: 'info',
  title: "Response default changed",
  why: "A `default` was added, removed or changed. For a response it is documentation (the provider sends the value), so no client breaks; listed for review. A client that fills in a missing value from the documented default should follow it.",
  catalogueCase: "An OpenAPI-derived schema with `default: \"sms\"` on a channel field that a later version changes to `\"viber\"`.",
  oasdiff: [{ id: "response-property-default-value-added", level: 'INFO' }, { id: "response-property-default-value-removed", level: 'INFO' }, { id: "response-property-default-value-changed", level: 'INFO' }, { id: "response-body-default-value-added", level: 'INFO' }, { id: "response-body-default-value-removed", level: 'INFO' }, { id: "response-body-default-value-changed", level: 'INFO' }],
};
