import type { RuleDefinition } from '../../rules/types.ts';

export const diffMaxItemsIncreased: RuleDefinition = {
  id: 'diff/max-items-increased',
  stage: 'diff',
  severity: 'error',
  title: "Response maxItems raised or dropped",
  why: "The `maxItems` bound of a response value is looser or gone, so values outside the old range can now arrive. Clients that relied on it (fixed-size arrays, pagination limits; oasdiff has no response-side check for it, the level follows `maxLength`) break on them; oasdiff rates this ERR.",
  catalogueCase: "Enode `getChargingLocationTariff` caps its list at `maxItems: 2` (the length of its one example); a version with three tariffs raises the bound.",
  oasdiff: [],
};
