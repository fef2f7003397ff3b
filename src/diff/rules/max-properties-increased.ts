import type { RuleDefinition } from '../../rules/types.ts';

export const diffMaxPropertiesIncreased: RuleDefinition = {
  id: 'diff/max-properties-increased',
  stage: 'diff',
  severity: 'error',
  title: "Response maxProperties raised or dropped",
  why: "The `maxProperties` bound of a response value is looser or gone, so values outside the old range can now arrive. Clients that relied on it (small fixed maps; oasdiff has no check for it, the level follows `maxLength`) break on them; oasdiff rates this ERR.",
  catalogueCase: "A map of rates with `maxProperties: 10` in a hand-written schema that a later version drops.",
  oasdiff: [],
};
