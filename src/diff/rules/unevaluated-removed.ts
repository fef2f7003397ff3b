import type { RuleDefinition } from '../../rules/types.ts';

export const diffUnevaluatedRemoved: RuleDefinition = {
  id: 'diff/unevaluated-removed',
  stage: 'diff',
  severity: 'error',
  title: "Response unevaluatedProperties/Items relaxed",
  why: "`unevaluatedProperties` or `unevaluatedItems` is gone or now allows what it refused: members the schema does not describe may now arrive. oasdiff rates removing either keyword ERR.",
  catalogueCase: "A closed composed schema (`allOf` + `unevaluatedProperties: false`) that a later version leaves open.",
  oasdiff: [{ id: "response-property-unevaluated-items-removed", level: 'ERR' }, { id: "response-body-unevaluated-items-removed", level: 'ERR' }, { id: "response-property-unevaluated-properties-removed", level: 'ERR' }, { id: "response-body-unevaluated-properties-removed", level: 'ERR' }],
};
