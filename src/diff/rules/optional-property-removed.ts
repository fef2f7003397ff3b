import type { RuleDefinition } from '../../rules/types.ts';

export const diffOptionalPropertyRemoved: RuleDefinition = {
  id: 'diff/optional-property-removed',
  stage: 'diff',
  severity: 'warning',
  title: "Optional response property removed",
  why: "A property some responses had is gone from the schema. Clients already had to cope with its absence, so nothing that handled the optional case breaks, but a client that uses it when present silently loses the data. A warning, as in oasdiff.",
  catalogueCase: "A hand-edited catalogue schema with `required` trimmed to the identifiers makes the other fields optional; a later version that drops one of them removes an optional property.",
  oasdiff: [{ id: "response-optional-property-removed", level: 'WARN' }],
};
