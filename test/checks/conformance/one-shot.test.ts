import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../src/catalogue/index.ts';
import { createConformanceAjv, OneShotValidator, SchemaIndex, UndecidedError } from '../../../src/checks/conformance/index.ts';
import { buildModel } from '../../../src/model/index.ts';
import type { JsonSchema } from '../../../src/schemas/index.ts';
import { BUNDLED_CATALOGUE, ROOT } from '../../helpers.ts';

const ajv = createConformanceAjv();
const oneShot = new OneShotValidator(ajv);

/** ajv's own verdict: compile (which must succeed for an interpretable schema), validate, release. */
function ajvValid(schema: JsonSchema, data: unknown): boolean {
  const validate = ajv.compile(schema);
  try {
    return validate(data);
  } finally {
    if (typeof schema === 'object') ajv.removeSchema(schema);
  }
}

interface Case {
  description: string;
  interpretable?: boolean;
  schema: JsonSchema;
  tests: Array<{ data: unknown; valid: boolean }>;
}

const cases = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/checks/conformance/one-shot.json'), 'utf8')) as Case[];

describe('one-shot validation decides exactly as ajv', () => {
  it.each(cases.map((c) => [c.description, c] as const))('%s', (_, { schema, tests, interpretable = true }) => {
    expect(oneShot.interpretable(schema)).toBe(interpretable);
    for (const { data, valid } of tests) {
      expect(ajvValid(schema, data), `ajv on ${JSON.stringify(data)}`).toBe(valid);
      if (interpretable) expect(oneShot.isValid(schema, data), `one-shot on ${JSON.stringify(data)}`).toBe(valid);
    }
  });

  it('on every status schema of the bundled catalogue, for its examples and 40 mutations of each (seeded)', async () => {
    const { rows } = await readCatalogue(BUNDLED_CATALOGUE);
    const model = buildModel(rows).model;
    const index = new SchemaIndex(model);
    let compared = 0;
    let invalid = 0;
    for (const site of index.sites()) {
      const { schema } = index.statusSchema(site.api, site.endpoint, site.response.status);
      expect(oneShot.interpretable(schema)).toBe(true);
      const validate = ajv.compile(schema);
      const bodies = [site.example.body, ...fc.sample(mutated(site.example.body), { seed: compared + 1, numRuns: 40 })];
      for (const body of bodies) {
        const expected = validate(body);
        expect(oneShot.isValid(schema, body), `${site.example.rowId} ${JSON.stringify(body).slice(0, 200)}`).toBe(expected);
        compared++;
        if (!expected) invalid++;
      }
      ajv.removeSchema(schema as object);
    }
    expect(compared).toBe(100 * 41);
    expect(invalid).toBeGreaterThan(1000); // the mutations exercise the failing paths, not just the valid ones
  }, 60_000);

  it('on random schemas and random data (fast-check, seed 20240131)', () => {
    let interpretable = 0;
    fc.assert(
      fc.property(rootSchema, fc.array(data, { minLength: 1, maxLength: 6 }), (schema, values) => {
        if (!oneShot.interpretable(schema)) return;
        interpretable++;
        const validate = ajv.compile(schema); // an interpretable schema must compile
        try {
          for (const value of values) {
            let verdict: boolean;
            try {
              verdict = oneShot.isValid(schema, value);
            } catch (error) {
              if (error instanceof UndecidedError) continue; // a $ref cycle: production asks ajv
              throw error;
            }
            expect(verdict, `${JSON.stringify(schema)} on ${JSON.stringify(value)}`).toBe(validate(value));
          }
        } finally {
          if (typeof schema === 'object') ajv.removeSchema(schema);
        }
      }),
      { seed: 20240131, numRuns: 1500 },
    );
    expect(interpretable).toBeGreaterThan(1000);
  }, 60_000);
});

// --- arbitraries ---------------------------------------------------------------------------

const NAMES = ['a', 'b', 'c', 'constructor'];

const scalar = fc.oneof(
  fc.constantFrom(null, true, false, 0, 1, -1, 0.5, 0.3, 1.0, 2, 10, 1e21, '', 'a', 'ab', 'b', '1', '2024-01-31', '2024-01-31T12:00:00Z', 'x@example.com'),
  fc.integer({ min: -20, max: 20 }),
  fc.string({ maxLength: 4 }),
);

/** JSON data as JSON.parse makes it (plain prototypes, no -0, no undefined). */
const data: fc.Arbitrary<unknown> = fc
  .letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...NAMES, 'd', 'longname'), tie('value'), { maxKeys: 4 }),
    ),
  }))
  .value.map((value) => JSON.parse(JSON.stringify(value)) as unknown);

const keywordValue = {
  type: fc.oneof(fc.constantFrom('null', 'boolean', 'object', 'array', 'number', 'integer', 'string'), fc.uniqueArray(fc.constantFrom('null', 'number', 'integer', 'string', 'object', 'array'), { minLength: 1, maxLength: 3 })),
  enum: fc.array(scalar, { minLength: 1, maxLength: 3 }),
  const: fc.oneof(scalar, fc.constant({ a: 1 }), fc.constant([1, 'a'])),
  multipleOf: fc.constantFrom(0.1, 0.5, 2, 3, 0.01),
  bound: fc.oneof(fc.integer({ min: -5, max: 10 }), fc.constantFrom(0.5, 1.5)),
  count: fc.integer({ min: 0, max: 3 }),
  pattern: fc.constantFrom('^a', 'b+', '^[0-9]+$', '\\d', '^$', '^.{2}$'),
  format: fc.constantFrom('date', 'date-time', 'email', 'uuid', 'int32', 'ipv4', 'uri', 'byte'),
  names: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 3 }),
};

const schema: fc.Arbitrary<JsonSchema> = fc.letrec<{ schema: JsonSchema; object: JsonSchema }>((tie) => {
  const keywords: Record<string, fc.Arbitrary<unknown>> = {
    type: keywordValue.type,
    enum: keywordValue.enum,
    const: keywordValue.const,
    multipleOf: keywordValue.multipleOf,
    minimum: keywordValue.bound,
    maximum: keywordValue.bound,
    exclusiveMinimum: keywordValue.bound,
    exclusiveMaximum: keywordValue.bound,
    minLength: keywordValue.count,
    maxLength: keywordValue.count,
    pattern: keywordValue.pattern,
    format: keywordValue.format,
    minItems: keywordValue.count,
    maxItems: keywordValue.count,
    uniqueItems: fc.boolean(),
    minProperties: keywordValue.count,
    maxProperties: keywordValue.count,
    required: keywordValue.names,
    dependentRequired: fc.dictionary(fc.constantFrom(...NAMES), keywordValue.names, { maxKeys: 2 }),
    properties: fc.dictionary(fc.constantFrom(...NAMES), tie('schema'), { maxKeys: 3 }),
    additionalProperties: tie('schema'),
    propertyNames: fc.record({ maxLength: keywordValue.count }),
    dependentSchemas: fc.dictionary(fc.constantFrom(...NAMES), tie('schema'), { maxKeys: 1 }),
    items: tie('schema'),
    prefixItems: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
    contains: tie('schema'),
    allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
    anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }),
    oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }),
    not: tie('schema'),
    if: tie('schema'),
    then: tie('schema'),
    else: tie('schema'),
    $ref: fc.constant('#/$defs/shared'),
  };
  return {
    schema: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.boolean(), tie('object'), tie('object')),
    object: fc
      .uniqueArray(fc.constantFrom(...Object.keys(keywords)), { maxLength: 4 })
      .chain((keys) => fc.record(Object.fromEntries(keys.map((key) => [key, keywords[key]!]))))
      .map((s) => fixStrict(s as Record<string, unknown>) as JsonSchema),
  };
}).schema;

/** The root carries the `$defs` every `$ref` points to. */
const rootSchema: fc.Arbitrary<JsonSchema> = fc.tuple(schema, schema).map(([root, shared]) => {
  if (typeof root === 'boolean') return root;
  return { ...root, $defs: { shared: typeof shared === 'boolean' ? shared : { ...shared, $ref: undefined } } } as JsonSchema;
}).map((s) => JSON.parse(JSON.stringify(s)) as JsonSchema);

/** Random keyword sets break ajv's strict mode on purpose now and then; keep most of them compilable. */
function fixStrict(s: Record<string, unknown>): Record<string, unknown> {
  if (s.if !== undefined && s.then === undefined && s.else === undefined) delete s.if;
  if (s.if === undefined) {
    delete s.then;
    delete s.else;
  }
  return s;
}

/** A body with one change: a value replaced, a key dropped or added, an item appended. */
function mutated(body: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(body);
  return fc.tuple(fc.nat(), fc.nat(2), data).map(([pick, kind, value]) => {
    const copy = structuredClone(body) as unknown;
    const path = paths[pick % paths.length]!;
    if (path.length === 0) return kind === 0 ? value : copy;
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
    const key = path[path.length - 1]!;
    if (kind === 0) parent[key] = value;
    else if (kind === 1 && !Array.isArray(parent)) delete parent[key];
    else if (Array.isArray(parent)) parent.push(value);
    else parent[`${String(key)}_extra`] = value;
    return copy;
  });
}

function leafPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [path];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...leafPaths(item, [...path, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...leafPaths(v, [...path, k]));
  return out;
}

beforeAll(() => {
  expect(cases.length).toBeGreaterThan(10);
});
