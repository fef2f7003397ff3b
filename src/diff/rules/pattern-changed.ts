import type { RuleDefinition } from '../../rules/types.ts';

export const diffPatternChanged: RuleDefinition = {
  id: 'diff/pattern-changed',
  stage: 'diff',
  severity: 'warning',
  title: "Response pattern changed",
  why: "A string pattern is another one. Whether the new pattern admits strings the old one refused is undecidable in general, so this is a warning, not oasdiff's INFO: a client that validates or parses by the old pattern may break, and a reviewer should look.",
  catalogueCase: "A sender id typed `pattern: \"^[A-Za-z0-9]{1,11}$\"` that a later version changes to allow 15 characters.",
  oasdiff: [{ id: "response-property-pattern-changed", level: 'INFO' }],
};
