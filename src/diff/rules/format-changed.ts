import type { RuleDefinition } from '../../rules/types.ts';

export const diffFormatChanged: RuleDefinition = {
  id: 'diff/format-changed',
  stage: 'diff',
  severity: 'error',
  title: "Response format changed",
  why: "A value has another, unrelated format (`date` → `date-time`, `email` → `uri`). A client that parses the old format fails on every value. oasdiff reports format changes as type changes (ERR).",
  catalogueCase: "A field typed `format: date` in one catalogue version and `format: date-time` in the next, after the provider started sending times.",
  oasdiff: [{ id: "response-property-type-changed", level: 'ERR' }, { id: "response-body-type-changed", level: 'ERR' }],
};
