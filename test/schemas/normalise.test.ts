import { describe, expect, it } from 'vitest';
import { normaliseSchema } from '../../src/schemas/index.ts';
import { createAjv } from '../../src/validators/index.ts';

/** Table of { name, in, out, problems } fixtures: what comes in, the 2020-12 schema that comes out. */
const cases: Array<{ name: string; in: unknown; out: unknown; problems?: string[] }> = [
  {
    name: "genson's unknown $schema is removed",
    in: { $schema: 'http://json-schema.org/schema#', type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
    out: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
  },
  {
    name: 'OpenAPI nullable adds null to type and enum',
    in: { type: 'string', enum: ['A', 'B'], nullable: true },
    out: { type: ['string', 'null'], enum: ['A', 'B', null] },
  },
  {
    name: 'OpenAPI example becomes examples; x-* and discriminator are dropped with a note',
    in: { type: 'integer', example: 3, 'x-internal': true, discriminator: { propertyName: 'k' } },
    out: { type: 'integer', examples: [3] },
    problems: ['schema/normalised /'],
  },
  {
    name: 'draft-04 boolean exclusive bounds become numbers',
    in: { type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: false },
    out: { type: 'number', exclusiveMinimum: 1, maximum: 5 },
  },
  {
    name: 'definitions become $defs and refs follow them',
    in: { definitions: { Item: { type: 'string' } }, type: 'array', items: { $ref: '#/definitions/Item' } },
    out: { $defs: { Item: { type: 'string' } }, type: 'array', items: { $ref: '#/$defs/Item' } },
  },
  {
    name: 'tuple items become prefixItems, additionalItems becomes items',
    in: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false },
    out: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
  },
  {
    name: 'dependencies split into dependentRequired and dependentSchemas',
    in: { dependencies: { a: ['b'], c: { required: ['d'] } } },
    out: { dependentRequired: { a: ['b'] }, dependentSchemas: { c: { required: ['d'] } } },
  },
  {
    name: 'a pattern RE2 cannot run (look-ahead) is dropped and reported',
    in: { type: 'string', pattern: '^(?=a)a+$' },
    out: { type: 'string' },
    problems: ['schema/invalid /pattern'],
  },
  {
    name: 'a remote $ref is never followed',
    in: { type: 'object', properties: { a: { $ref: 'https://example.test/a.json' } } },
    out: { type: 'object', properties: { a: {} } },
    problems: ['schema/invalid /properties/a/$ref'],
  },
  {
    name: 'a dangling local $ref is dropped',
    in: { properties: { a: { $ref: '#/definitions/missing' } } },
    out: { properties: { a: {} } },
    problems: ['schema/invalid /properties/a/$ref'],
  },
  {
    name: 'unknown types and formats are dropped, OpenAPI formats kept',
    in: { type: ['string', 'file'], format: 'phone', properties: { n: { type: 'integer', format: 'int64' } } },
    out: { type: ['string'], properties: { n: { type: 'integer', format: 'int64' } } },
    problems: ['schema/invalid /type', 'schema/normalised /'],
  },
  {
    name: 'keyword values the meta-schema rejects are dropped',
    in: { type: 'object', minProperties: 'two', required: ['a', 'a'] },
    out: { type: 'object', required: ['a'] },
    problems: ['schema/invalid /minProperties'],
  },
  {
    name: 'pointer escapes in refs survive renaming',
    in: { definitions: { 'a/b': { type: 'string' }, 'c~d': { type: 'integer' } }, properties: { x: { $ref: '#/definitions/a~1b' }, y: { $ref: '#/definitions/c~0d' } } },
    out: { $defs: { 'a/b': { type: 'string' }, 'c~d': { type: 'integer' } }, properties: { x: { $ref: '#/$defs/a~1b' }, y: { $ref: '#/$defs/c~0d' } } },
  },
  { name: 'boolean schemas pass through', in: false, out: false },
];

describe('normaliseSchema', () => {
  const ajv = createAjv();
  for (const c of cases) {
    it(c.name, () => {
      const result = normaliseSchema(c.in);
      expect(result.schema).toEqual(c.out);
      expect(result.problems.map((p) => `${p.ruleId} ${p.pointer || '/'}`).sort()).toEqual([...(c.problems ?? [])].sort());
      expect(() => ajv.compile(result.schema as object)).not.toThrow();
    });
  }

  it('gives equal schemas the same hash whatever their key order, and different schemas different hashes', () => {
    const a = normaliseSchema({ type: 'object', properties: { x: { type: 'string' }, y: { type: 'integer' } } });
    const b = normaliseSchema({ properties: { y: { type: 'integer' }, x: { type: 'string' } }, type: 'object' });
    const c = normaliseSchema({ type: 'object', properties: { x: { type: 'string' } } });
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
  });

  it('does not modify its input', () => {
    const input = { type: 'string', nullable: true, definitions: { a: { type: 'string' } } };
    const copy = structuredClone(input);
    normaliseSchema(input);
    expect(input).toEqual(copy);
  });
});
