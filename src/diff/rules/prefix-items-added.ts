import type { RuleDefinition } from '../../rules/types.ts';

export const diffPrefixItemsAdded: RuleDefinition = {
  id: 'diff/prefix-items-added',
  stage: 'diff',
  severity: 'error',
  title: "Response prefixItems added",
  why: "Array positions now have their own schemas. oasdiff rates this ERR: a tuple in place of a uniform list means a client that reads every item alike misreads some.",
  catalogueCase: "A coordinates array inferred as a list of numbers in one version and as a `[lat, lon, label]` tuple in the next.",
  oasdiff: [{ id: "response-property-prefix-items-added", level: 'ERR' }, { id: "response-body-prefix-items-added", level: 'ERR' }],
};
