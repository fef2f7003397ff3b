import type { RuleDefinition } from '../../rules/types.ts';

export const diffDependentRequiredRelaxed: RuleDefinition = {
  id: 'diff/dependent-required-relaxed',
  stage: 'diff',
  severity: 'error',
  title: "Response dependentRequired relaxed",
  why: "A property that had to accompany another no longer has to. A client that reads the companion whenever the first is present breaks. oasdiff rates removing or changing it ERR.",
  catalogueCase: "A draft-07 `dependencies: {card: [\"expiry\"]}` (normalised to `dependentRequired`) that a later version drops.",
  oasdiff: [{ id: "response-property-dependent-required-removed", level: 'ERR' }, { id: "response-body-dependent-required-removed", level: 'ERR' }, { id: "response-property-dependent-required-changed", level: 'ERR' }, { id: "response-body-dependent-required-changed", level: 'ERR' }],
};
