import type { RuleDefinition } from '../../../rules/types.ts';

export const propertyGeneratedInvalid: RuleDefinition = {
  id: 'property/generated-invalid',
  stage: 'property',
  severity: 'warning',
  title: 'Values built from the schema are rejected by its own validator',
  why:
    'The property check builds bodies from the schema, keyword by keyword, and validates them with ' +
    'the same validator that judges real responses. When the validator rejects such a body (or the ' +
    'same body after a JSON round trip), the schema says two things at once — a pattern and a format ' +
    'that cannot both hold, a multipleOf the validator computes in floating point, a keyword the ' +
    'validator reads differently — and providers cannot know which one to honour. The finding gives ' +
    'the seed and the shrunk counterexample so the disagreement can be reproduced and the schema fixed.',
  catalogueCase:
    'No bundled row triggers it (all 98 status schemas pass). It exists for what a schema says but its ' +
    'validator reads otherwise: ajv tests `multipleOf` by floating-point division and rejects 0.07 for ' +
    '`multipleOf: 0.01`, so an OpenAPI price field declared that way rejects ordinary prices.',
};
