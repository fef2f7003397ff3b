import type { RuleDefinition } from '../../rules/types.ts';

export const diffPropertyBecameRequired: RuleDefinition = {
  id: 'diff/property-became-required',
  stage: 'diff',
  severity: 'info',
  title: "Response property became required",
  why: "A property that could be missing is now always present. Clients keep working: their absent branch is just never taken. Listed because generated types tighten (`T | undefined` becomes `T`).",
  catalogueCase: "genson infers each catalogue schema from one example, so a field missing from the first example but present in the one that replaces it becomes required.",
  oasdiff: [{ id: "response-property-became-required", level: 'INFO' }],
};
