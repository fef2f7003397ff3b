import type { RuleDefinition } from '../../rules/types.ts';

export const diffMinItemsDecreased: RuleDefinition = {
  id: 'diff/min-items-decreased',
  stage: 'diff',
  severity: 'error',
  title: "Response minItems lowered or dropped",
  why: "The `minItems` bound of a response value is looser or gone, so values outside the old range can now arrive. Clients that relied on it (reading the first item without a check) break on them; oasdiff rates this ERR.",
  catalogueCase: "A catalogue schema with `minItems: 1` on a result list that a later version drops, letting empty lists through.",
  oasdiff: [{ id: "response-property-min-items-decreased", level: 'ERR' }, { id: "response-body-min-items-decreased", level: 'ERR' }, { id: "response-property-min-items-unset", level: 'ERR' }, { id: "response-body-min-items-unset", level: 'ERR' }],
};
