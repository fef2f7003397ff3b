import type { RuleDefinition } from '../../rules/types.ts';

export const diffEnumValueAdded: RuleDefinition = {
  id: 'diff/enum-value-added',
  stage: 'diff',
  severity: 'warning',
  title: "Enum gained values (or lost its enum)",
  why: "A value that was one of a closed set may now be something else. A client that switches over the known values without a default case breaks on the new ones; one with a default case does not, hence a warning, as in oasdiff.",
  catalogueCase: "Status fields such as D7SMS `status: \"accepted\"` are enums in hand-written schemas; a new state (`\"queued\"`) widens them.",
  oasdiff: [{ id: "response-property-enum-value-added", level: 'WARN' }],
};
