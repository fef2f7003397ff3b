import type { RuleDefinition } from '../../rules/types.ts';

export const diffMinimumDecreased: RuleDefinition = {
  id: 'diff/minimum-decreased',
  stage: 'diff',
  severity: 'error',
  title: "Response minimum lowered or dropped",
  why: "The `minimum` bound of a response value is looser or gone, so values outside the old range can now arrive. Clients that relied on it (non-negative amounts, counts, timestamps) break on them; oasdiff rates this ERR.",
  catalogueCase: "A schema with `minimum: 0` on a balance that a later version lowers, letting negative balances through.",
  oasdiff: [{ id: "response-property-min-decreased", level: 'ERR' }, { id: "response-body-min-decreased", level: 'ERR' }],
};
