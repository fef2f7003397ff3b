import type { RuleDefinition } from '../../rules/types.ts';

export const diffMinPropertiesDecreased: RuleDefinition = {
  id: 'diff/min-properties-decreased',
  stage: 'diff',
  severity: 'error',
  title: "Response minProperties lowered or dropped",
  why: "The `minProperties` bound of a response value is looser or gone, so values outside the old range can now arrive. Clients that relied on it (reading some entry of a map without a check; oasdiff has no check for it, the level follows `minItems`) break on them; oasdiff rates this ERR.",
  catalogueCase: "A map of translations with `minProperties: 1` that a later version drops, letting empty maps through.",
  oasdiff: [],
};
