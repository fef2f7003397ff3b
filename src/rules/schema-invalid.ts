import type { RuleDefinition } from './types.ts';

export const schemaInvalid: RuleDefinition = {
  id: 'schema/invalid',
  stage: 'schema',
  severity: 'error',
  title: 'Schema is invalid or unsafe',
  why:
    'A schema that does not compile, has a `pattern` that is not a valid (linear-time) regular ' +
    'expression, or points to a remote `$ref` cannot be trusted to validate anything. apiconform ' +
    'drops the offending keyword (never fetching a remote document, never running a regex that ' +
    'can backtrack catastrophically) and reports where it was, so the schema can be repaired.',
  catalogueCase:
    'Schemas from untrusted catalogues: a `pattern` such as `^(a+)+$` hangs a backtracking regex ' +
    'engine on a 30-character string; an OpenAPI-derived schema can keep a `$ref` to a URL.',
};
