import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseSchema } from '../../src/schemas/index.ts';
import { createAjv } from '../../src/validators/index.ts';
import { readCatalogue } from '../../src/catalogue/index.ts';
import { BUNDLED_CATALOGUE } from '../helpers.ts';

/**
 * The normaliser checks keyword values itself (cheaper than a meta-schema validation per schema).
 * The 2020-12 meta-schema stays the oracle: whatever comes in, what comes out must satisfy it.
 */
const ajv = createAjv();
const metaValid = (schema: unknown) => ajv.validateSchema(schema as object) as boolean;

const keyword = fc.constantFrom(
  'type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format',
  'minItems', 'maxItems', 'uniqueItems', 'required', 'enum', 'const', 'title', 'description', 'examples', 'example', 'nullable',
  'dependentRequired', 'minProperties', 'maxProperties', 'deprecated', '$anchor', 'x-thing', 'definitions', 'items', 'properties',
  'additionalProperties', 'allOf', 'anyOf', 'not', '$ref', 'dependencies', 'contentMediaType', 'minContains',
);
const anyJson = fc.jsonValue({ maxDepth: 2 });
const schemaArb = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean(),
    fc.dictionary(keyword, fc.oneof(anyJson, tie('schema'), fc.array(tie('schema'), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('schema'), { maxKeys: 2 })), { maxKeys: 5 }),
  ),
}));

describe('normaliser output satisfies the 2020-12 meta-schema', () => {
  it('for every bundled catalogue schema', async () => {
    const { rows } = await readCatalogue(BUNDLED_CATALOGUE);
    for (const row of rows) expect(metaValid(normaliseSchema(row.schema).schema)).toBe(true);
  });

  it('for arbitrary garbage in schema positions (property test, seed 42)', () => {
    fc.assert(
      fc.property(schemaArb.schema, (raw) => {
        const { schema } = normaliseSchema(raw);
        if (!metaValid(schema)) throw new Error(`meta-invalid output ${JSON.stringify(schema)}: ${ajv.errorsText()}`);
        expect(() => ajv.compile(schema as object)).not.toThrow();
      }),
      { seed: 42, numRuns: 1500 },
    );
  });
});
