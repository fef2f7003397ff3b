import type { RuleDefinition } from '../../rules/types.ts';

export const diffUniqueItemsRemoved: RuleDefinition = {
  id: 'diff/unique-items-removed',
  stage: 'diff',
  severity: 'error',
  title: "Response items no longer unique",
  why: "An array whose items were all distinct may now repeat them. A client that builds a set or a map keyed by item breaks or silently merges entries. oasdiff has no check for it; the level follows the other relaxed bounds.",
  catalogueCase: "A list of tags typed `uniqueItems: true` in a hand-written schema that a later version drops.",
  oasdiff: [],
};
