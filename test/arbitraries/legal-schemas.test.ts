import * as fc from 'fast-check';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { arbitraryFromSchema } from '../../src/arbitraries/index.ts';
import { prepareDocument } from '../../src/arbitraries/document.ts';
import { toRe2Syntax } from '../../src/validators/index.ts';
import { draw, lenientAjv, rejected } from './helpers.ts';

/** Legal schemas ajv's strict mode refuses, and references beyond the document, are generated for. */
const SEED = 7;

describe('legal schemas that strict mode refuses are generated for', () => {
  it.each([
    ['if without then or else', { if: { type: 'string' }, type: ['string', 'integer'] }],
    ['then without if', { then: { const: 1 }, type: 'integer', minimum: 3 }],
    ['else without if', { else: { const: 1 }, type: 'integer', minimum: 3 }],
    ['minContains without contains', { type: 'array', minContains: 2, minItems: 1 }],
    ['maxContains without contains', { type: 'array', maxContains: 0, minItems: 1 }],
    ['a property that matches patternProperties too', { type: 'object', properties: { foo: { type: 'integer' } }, patternProperties: { 'f.o': { minimum: 2 } }, required: ['foo'] }],
    ['an unknown format (an annotation)', { type: 'string', format: 'no-such-format', minLength: 2 }],
    ['idn-email, idn-hostname, iri, iri-reference', { type: 'array', prefixItems: ['idn-email', 'idn-hostname', 'iri', 'iri-reference'].map((format) => ({ type: 'string', format })), minItems: 4 }],
    ['a Unicode property escape', { type: 'string', pattern: '^\\p{Letter}+$', minLength: 3 }],
  ])('%s', (_name, schema) => {
    const values = draw(arbitraryFromSchema(schema), 100, SEED);
    expect(values.length).toBe(100);
    expect(rejected(lenientAjv().compile(schema), values)).toEqual([]);
  });

  it('a property also matching a pattern gets both schemas', () => {
    const schema = { type: 'object', properties: { foo: { type: 'integer' } }, patternProperties: { 'f.o': { minimum: 2 } }, required: ['foo'] };
    const values = draw(arbitraryFromSchema(schema), 100, SEED) as Array<{ foo: number }>;
    expect(values.every((v) => Number.isInteger(v.foo) && v.foo >= 2)).toBe(true);
  });

  it('Unicode property escapes are given to RE2 by their short names', () => {
    expect(toRe2Syntax('^\\p{Letter}\\P{Decimal_Number}\\p{Script=Greek}\\p{gc=Lu}\\p{L}$')).toBe('^\\p{L}\\P{Nd}\\p{Greek}\\p{Lu}\\p{L}$');
    const letters = draw(arbitraryFromSchema({ type: 'string', pattern: '^\\p{Letter}+$' }), 100, SEED) as string[];
    expect(letters.every((s) => /^\p{Letter}+$/u.test(s))).toBe(true);
  });
});

describe('references to other documents are bundled, never fetched', () => {
  it('a $ref to the draft-07 meta-schema yields draft-07 schemas', () => {
    const judge = new Ajv({ strict: false }).compile({ $ref: 'http://json-schema.org/draft-07/schema#' });
    const values = draw(arbitraryFromSchema({ $schema: 'http://json-schema.org/draft-07/schema#', $ref: 'http://json-schema.org/draft-07/schema#' }), 100, SEED);
    expect(rejected(judge, values)).toEqual([]);
    expect(values.some((v) => typeof v === 'object' && v !== null && Object.keys(v).length > 0)).toBe(true);
  });

  it('a $ref to the 2020-12 meta-schema ($dynamicRef inside) yields 2020-12 schemas', () => {
    const judge = new Ajv2020({ strict: false }).compile({ $ref: 'https://json-schema.org/draft/2020-12/schema' });
    const values = draw(arbitraryFromSchema({ $ref: 'https://json-schema.org/draft/2020-12/schema' }), 100, SEED);
    expect(rejected(judge, values)).toEqual([]);
    expect(values.some((v) => typeof v === 'object' && v !== null && Object.keys(v).length > 0)).toBe(true);
  });

  it('documents passed in options.schemas, with refs relative to their own URL', () => {
    const schemas = {
      'https://example.com/api/pet.json': { type: 'object', properties: { tag: { $ref: 'tag.json' } }, required: ['tag'] },
      'https://example.com/api/tag.json': { type: 'string', enum: ['cat', 'dog'] },
    };
    const values = draw(arbitraryFromSchema({ type: 'array', items: { $ref: 'https://example.com/api/pet.json' }, minItems: 1 }, { schemas }), 50, SEED) as Array<Array<{ tag: string }>>;
    expect(values.every((list) => list.length > 0 && list.every((pet) => ['cat', 'dog'].includes(pet.tag)))).toBe(true);
    expect(() => arbitraryFromSchema({ $ref: 'https://example.com/api/pet.json' })).toThrowError(/outside the document/);
  });

  it('a $dynamicRef whose target does not depend on the path becomes a plain reference', () => {
    const doc = prepareDocument({ $dynamicAnchor: 'node', type: 'object', properties: { next: { $dynamicRef: '#node' } } }, '');
    const next = ((doc.root as Record<string, unknown>).properties as Record<string, Record<string, unknown>>).next!;
    expect(next.$ref).toBe(`${doc.uri}#`);
    expect(next.$dynamicRef).toBeUndefined();
  });

  it('a draft-07 pointer through tuple items still resolves after the upgrade', () => {
    const schema = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'array', items: [{ type: 'integer' }, { $ref: '#/items/0' }], minItems: 2 };
    const values = draw(arbitraryFromSchema(schema), 50, SEED) as unknown[][];
    expect(values.every((v) => Number.isInteger(v[0]) && Number.isInteger(v[1]))).toBe(true);
  });
});

it('the same $ref schemas are cached by content of options.schemas too', () => {
  const schema = { $ref: 'https://example.com/n.json' };
  const a = fc.sample(arbitraryFromSchema(schema, { schemas: { 'https://example.com/n.json': { const: 1 } } }), { seed: 1, numRuns: 3 });
  const b = fc.sample(arbitraryFromSchema(schema, { schemas: { 'https://example.com/n.json': { const: 2 } } }), { seed: 1, numRuns: 3 });
  expect(a).toEqual([1, 1, 1]);
  expect(b).toEqual([2, 2, 2]);
});
