import type { RuleDefinition } from '../../rules/types.ts';

export const diffPatternPropertyRemoved: RuleDefinition = {
  id: 'diff/pattern-property-removed',
  stage: 'diff',
  severity: 'error',
  title: "Response patternProperties entry removed",
  why: "Properties whose names match a pattern had a schema; now they may be anything. A client that reads them by the old schema breaks. oasdiff rates this ERR.",
  catalogueCase: "A map of currency rates typed `patternProperties: {\"^[A-Z]{3}$\": {type: number}}` that a later version drops.",
  oasdiff: [{ id: "response-property-pattern-property-removed", level: 'ERR' }, { id: "response-body-pattern-property-removed", level: 'ERR' }],
};
