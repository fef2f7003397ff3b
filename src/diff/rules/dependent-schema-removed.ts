import type { RuleDefinition } from '../../rules/types.ts';

export const diffDependentSchemaRemoved: RuleDefinition = {
  id: 'diff/dependent-schema-removed',
  stage: 'diff',
  severity: 'error',
  title: "Response dependentSchemas entry removed",
  why: "A schema that applied when some property was present is gone: what it promised under that condition is no longer promised. A client that relied on that guarantee breaks; oasdiff rates this ERR.",
  catalogueCase: "A draft-07 schema dependency (normalised to `dependentSchemas`) that a later version drops.",
  oasdiff: [{ id: "response-property-dependent-schema-removed", level: 'ERR' }, { id: "response-body-dependent-schema-removed", level: 'ERR' }],
};
