import type { RuleDefinition } from '../../../rules/types.ts';

export const propertyUnsupported: RuleDefinition = {
  id: 'property/unsupported',
  stage: 'property',
  severity: 'info',
  title: 'Property checks could not run for a schema',
  why:
    'Some schemas cannot be explored by generation: a remote `$ref` that is never fetched, `$dynamicRef`, ' +
    'a pattern and a format that a bounded search could not satisfy together, recursion that never bottoms ' +
    'out. Rather than loop or report made-up failures, apiconform skips the property checks for that ' +
    'schema and says why; the example conformance checks still run.',
  catalogueCase:
    'No bundled row needs it. Catalogue schemas can carry what no bounded generator handles: a `$ref` to ' +
    'a URL (never fetched), or a `pattern` together with a short `maxLength` and a `format` that no ' +
    'string the search tries can meet; the property checks are skipped for those and say why.',
};
