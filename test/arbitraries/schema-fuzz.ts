import * as fc from 'fast-check';

/**
 * Random JSON Schemas (2020-12) that mix the whole vocabulary the generator claims: types and
 * type arrays, every numeric/string/array/object keyword, `allOf`/`anyOf`/`oneOf`/`not`/
 * `if-then-else`, `dependentRequired`/`dependentSchemas`, `$ref` into `$defs` (recursive ones
 * too), boolean schemas and OpenAPI `nullable`. Independent of the generator's own structure:
 * keywords are combined at random, so contradictions and awkward interactions occur often.
 */
// No `__proto__` here: fast-check's dictionary would set it as the prototype (the corpus has it).
const NAMES = ['a', 'b', 'c', 'id', 'x-1', 'a/b'];
const PATTERNS = ['^[a-z]+$', '^x', '[0-9]', '^[A-Z]{2}-[0-9]{2,4}$', '^(foo|bar)$', 'a|b', '^.{1,3}$'];
const FORMATS = ['date', 'date-time', 'time', 'email', 'uri', 'uuid', 'ipv4', 'ipv6', 'hostname', 'duration'];
const MULTIPLES = [1, 2, 3, 5, 0.5, 0.25, 0.1, 0.01, 1.5];

const small = fc.integer({ min: -20, max: 20 });
const json = fc.oneof(fc.constant(null), fc.boolean(), small, fc.constantFrom('a', 'b', 'foo', ''), fc.constant([1, 'x']), fc.constant({ k: 1 }));

function optionalKeys<T extends Record<string, fc.Arbitrary<unknown>>>(model: T) {
  return fc.record(model, { requiredKeys: [] });
}

const numberKeywords = optionalKeys({
  minimum: small,
  maximum: small,
  exclusiveMinimum: small,
  exclusiveMaximum: small,
  multipleOf: fc.constantFrom(...MULTIPLES),
});

const stringKeywords = optionalKeys({
  minLength: fc.nat(6),
  maxLength: fc.nat(12),
  pattern: fc.constantFrom(...PATTERNS),
  format: fc.constantFrom(...FORMATS),
});

const typeKeyword = fc.oneof(
  fc.constantFrom('null', 'boolean', 'integer', 'number', 'string', 'array', 'object'),
  fc.uniqueArray(fc.constantFrom('null', 'boolean', 'integer', 'number', 'string', 'array', 'object'), { minLength: 1, maxLength: 3 }),
);

export function schemaArbitrary(defs: readonly string[] = ['d0', 'd1']): fc.Arbitrary<unknown> {
  const { schema } = fc.letrec<{ schema: unknown; leaf: unknown; compound: unknown }>((tie) => ({
    schema: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { arbitrary: tie('leaf'), weight: 3 }, { arbitrary: tie('compound'), weight: 2 }),
    leaf: fc.oneof(
      { arbitrary: fc.boolean(), weight: 1 },
      { arbitrary: fc.record({ type: fc.constantFrom('integer', 'number') }).chain((t) => numberKeywords.map((k) => ({ ...t, ...k }))), weight: 3 },
      { arbitrary: stringKeywords.map((k) => ({ type: 'string', ...k })), weight: 3 },
      { arbitrary: fc.record({ enum: fc.uniqueArray(json, { minLength: 1, maxLength: 4, comparator: (a, b) => JSON.stringify(a) === JSON.stringify(b) }) }), weight: 1 },
      { arbitrary: fc.record({ const: json }), weight: 1 },
      { arbitrary: fc.record({ type: typeKeyword }), weight: 2 },
      { arbitrary: fc.record({ type: fc.constantFrom('string', 'integer', 'object'), nullable: fc.constant(true) }), weight: 1 },
      { arbitrary: fc.constantFrom(...defs).map((d) => ({ $ref: `#/$defs/${d}` })), weight: 2 },
    ),
    compound: fc.oneof(
      {
        arbitrary: optionalKeys({
          properties: fc.dictionary(fc.constantFrom(...NAMES), tie('schema'), { maxKeys: 3 }),
          required: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }),
          additionalProperties: tie('schema'),
          patternProperties: fc.dictionary(fc.constantFrom('^x', '^[0-9]+$', 'b'), tie('schema'), { maxKeys: 2 }),
          propertyNames: fc.constantFrom({ maxLength: 3 }, { pattern: '^[a-z_]+$' }, { enum: ['a', 'b', 'c'] }),
          minProperties: fc.nat(3),
          maxProperties: fc.nat(4),
          dependentRequired: fc.dictionary(fc.constantFrom(...NAMES), fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }), { maxKeys: 1 }),
          dependentSchemas: fc.dictionary(fc.constantFrom(...NAMES), tie('schema'), { maxKeys: 1 }),
        }).map((s) => ({ type: 'object', ...s })),
        weight: 3,
      },
      {
        arbitrary: optionalKeys({
          items: tie('schema'),
          prefixItems: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }),
          contains: tie('schema'),
          minContains: fc.nat(3),
          maxContains: fc.nat(4),
          minItems: fc.nat(4),
          maxItems: fc.nat(6),
          uniqueItems: fc.boolean(),
        }).map((s) => ({ type: 'array', ...s })),
        weight: 3,
      },
      { arbitrary: fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }), weight: 2 },
      { arbitrary: fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }), weight: 2 },
      { arbitrary: fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }), weight: 2 },
      { arbitrary: fc.record({ not: tie('schema') }), weight: 1 },
      { arbitrary: optionalKeys({ if: tie('schema'), then: tie('schema'), else: tie('schema') }).filter((s) => 'if' in s), weight: 1 },
    ),
  }));
  return fc
    .record({ root: schema, d0: schema, d1: schema })
    .map(({ root, d0, d1 }) => (typeof root === 'boolean' ? { $defs: { d0, d1 }, allOf: [root] } : { ...(root as object), $defs: { d0, d1 } }));
}
