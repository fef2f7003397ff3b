import type { RuleDefinition } from '../../rules/types.ts';

export const diffMinLengthDecreased: RuleDefinition = {
  id: 'diff/min-length-decreased',
  stage: 'diff',
  severity: 'error',
  title: "Response minLength lowered or dropped",
  why: "The `minLength` bound of a response value is looser or gone, so values outside the old range can now arrive. Clients that relied on it (non-empty identifiers) break on them; oasdiff rates this ERR.",
  catalogueCase: "A schema with `minLength: 1` on an id that a later version drops, letting empty strings through.",
  oasdiff: [{ id: "response-property-min-length-decreased", level: 'ERR' }, { id: "response-body-min-length-decreased", level: 'ERR' }],
};
