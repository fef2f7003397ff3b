import type { RuleDefinition } from '../../../rules/types.ts';

export const propertyUnsatisfiable: RuleDefinition = {
  id: 'property/unsatisfiable',
  stage: 'property',
  severity: 'error',
  title: 'No body can satisfy the schema',
  why:
    'A response schema that admits no value (minimum above maximum, allOf of a string and an integer, a ' +
    'required property whose schema is false) fails every response the provider could send: the contract ' +
    'is broken whatever the API does. The finding points at the keyword that makes it impossible.',
  catalogueCase:
    'No bundled row is unsatisfiable; schemas become so when they are edited or merged: a `required` ' +
    'name kept after the property left an `additionalProperties: false` object, or an `allOf` (as in the ' +
    'Enode API schemas) joining a member that is `type: object` with one that is `type: string`.',
};
