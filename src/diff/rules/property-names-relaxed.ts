import type { RuleDefinition } from '../../rules/types.ts';

export const diffPropertyNamesRelaxed: RuleDefinition = {
  id: 'diff/property-names-relaxed',
  stage: 'diff',
  severity: 'error',
  title: "Response propertyNames relaxed or removed",
  why: "The names of an object's properties were constrained and no longer are (or less so). A client that parses the names (dates, currency codes) breaks on others.",
  catalogueCase: "A map keyed by ISO date with `propertyNames: {format: date}` that a later version drops.",
  oasdiff: [{ id: "response-property-property-names-removed", level: 'ERR' }, { id: "response-body-property-names-removed", level: 'ERR' }],
};
