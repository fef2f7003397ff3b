import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFromSchema, SchemaGenerationError } from '../../src/arbitraries/index.ts';
import { draw, judge, rejected } from './helpers.ts';

function failure(schema: unknown, options = {}): SchemaGenerationError {
  try {
    arbitraryFromSchema(schema, options);
  } catch (error) {
    if (error instanceof SchemaGenerationError) return error;
    throw error;
  }
  throw new Error('expected a SchemaGenerationError, got an arbitrary');
}

describe('unsatisfiable schemas are proven so, with the deciding keyword', () => {
  it.each([
    ['minimum above maximum', { type: 'integer', minimum: 5, maximum: 1 }, '', /range \[5, 1\] is empty/],
    ['allOf of a string and an integer', { allOf: [{ type: 'string' }, { type: 'integer' }] }, '/allOf/1/type', /nothing in common/],
    ['required property whose schema is false', { type: 'object', properties: { a: false }, required: ['a'] }, '', /"a" is required/],
    ['not of everything', { not: {} }, '/not', /accepts everything/],
    ['false schema', false, '', /false/],
    ['no multiple of 10 between 11 and 19', { type: 'integer', multipleOf: 10, minimum: 11, maximum: 19 }, '', /no integer lies within/],
    ['enum outside the type', { type: 'string', enum: [1, 2] }, '/enum', /no value of the enum/],
    ['required beyond maxProperties', { type: 'object', required: ['a', 'b'], maxProperties: 1 }, '', /maxProperties is 1/],
    ['minItems beyond a closed tuple', { type: 'array', prefixItems: [{ type: 'null' }], items: false, minItems: 2 }, '', /at most 1/],
    ['every anyOf branch impossible', { type: 'string', anyOf: [{ type: 'integer' }, { type: 'boolean' }] }, '/anyOf', /no anyOf branch/],
    ['oneOf of identical branches', { oneOf: [{ type: 'integer' }, { type: 'integer' }] }, '/oneOf', /no oneOf branch/],
    ['unsatisfiable $def used as required property', { $defs: { bad: { type: 'string', minLength: 2, maxLength: 1 } }, type: 'object', properties: { x: { $ref: '#/$defs/bad' } }, required: ['x'] }, '', /"x" admits no value.*\/\$defs\/bad/],
  ])('%s', (_name, schema, pointer, message) => {
    const error = failure(schema);
    expect(error.kind).toBe('unsatisfiable');
    expect(error.pointer).toBe(pointer);
    expect(error.message).toMatch(message);
  });

  it('reports the pointer inside the document for a status schema', () => {
    const doc = { $defs: { status200: { type: 'object', properties: { n: { type: 'number', minimum: 3, maximum: 2 } }, required: ['n'] } } };
    const error = failure(doc, { pointer: '/$defs/status200' });
    expect(error.kind).toBe('unsatisfiable');
    expect(error.message).toContain('/$defs/status200/properties/n');
  });
});

describe('what the generator cannot do is reported, never looped over', () => {
  it('a remote $ref', () => {
    const error = failure({ $ref: 'https://example.com/schema.json' });
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/outside the document/);
  });

  it('$dynamicRef', () => {
    expect(failure({ $dynamicRef: '#meta' }).kind).toBe('unsupported');
  });

  it('a pattern and a length that cannot both hold', () => {
    const error = failure({ type: 'string', pattern: '^[a-z]{3}$', minLength: 5 });
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/pattern/);
  });

  it('recursion without a base case', () => {
    const error = failure({ $defs: { x: { type: 'object', properties: { next: { $ref: '#/$defs/x' } }, required: ['next'] } }, $ref: '#/$defs/x' });
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/maxDepth/);
  });

  it('a schema its validator refuses to compile', () => {
    const error = failure({ type: 'object', propertyNames: { pattern: '(?<=a)b' } });
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/validator/);
  });

  it('patterns that backtracking engines take exponential time on are generated quickly', () => {
    const started = performance.now();
    for (const pattern of ['^(a+)+$', '^(a|a)*b?$', '^(\\w+\\s?)*$', '^(([a-z])+.)+[A-Z]([a-z])+$']) {
      const schema = { type: 'string', pattern, maxLength: 40 };
      expect(rejected(judge(schema), draw(arbitraryFromSchema(schema), 200))).toEqual([]);
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a negated class no printable character matches', () => {
    const schema = { type: 'string', pattern: '^[^\\x00-\\x7F]{2,}$' };
    expect(rejected(judge(schema), draw(arbitraryFromSchema(schema, { verify: false }), 200))).toEqual([]);
  });
});

describe('recursion is bounded', () => {
  const tree = { $defs: { node: { type: 'object', properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, required: ['value'] } }, $ref: '#/$defs/node' };
  const depthOf = (node: { children?: unknown[] }): number => 1 + Math.max(0, ...(node.children ?? []).map((c) => depthOf(c as { children?: unknown[] })));

  it.each([0, 1, 3, 6])('maxDepth %i bounds the nesting of recursive values', (maxDepth) => {
    const values = draw(arbitraryFromSchema(tree, { maxDepth, verify: false }), 200) as Array<{ children?: unknown[] }>;
    expect(rejected(judge(tree), values)).toEqual([]);
    // Each level enters the recursive $ref once (the root too); at maxDepth only the base case is left.
    expect(Math.max(...values.map(depthOf))).toBeLessThanOrEqual(Math.max(1, maxDepth));
  });

  it('reaches the bound (recursion is explored, not avoided)', () => {
    const values = draw(arbitraryFromSchema(tree, { maxDepth: 3 }), 300) as Array<{ children?: unknown[] }>;
    expect(Math.max(...values.map(depthOf))).toBe(3);
  });

  it('bottoms out through an anyOf base case', () => {
    const list = { $defs: { l: { anyOf: [{ type: 'null' }, { type: 'object', properties: { head: { type: 'integer' }, tail: { $ref: '#/$defs/l' } }, required: ['head', 'tail'] }] } }, $ref: '#/$defs/l' };
    expect(rejected(judge(list), draw(arbitraryFromSchema(list, { verify: false, maxDepth: 2 }), 200))).toEqual([]);
  });
});

describe('values shrink', () => {
  function shrunk<T>(arbitrary: fc.Arbitrary<T>, holds: (value: T) => boolean): T {
    const details = fc.check(fc.property(arbitrary, holds), { seed: 1, numRuns: 500 });
    expect(details.failed).toBe(true);
    return details.counterexample![0];
  }

  it('an array property shrinks to one offending item', () => {
    const schema = { type: 'array', items: { type: 'integer', minimum: 0, maximum: 1000 } };
    const value = shrunk(arbitraryFromSchema(schema) as fc.Arbitrary<number[]>, (xs) => xs.every((x) => x < 500));
    expect(value).toEqual([500]);
  });

  it('optional properties are dropped while shrinking', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer', minimum: 1 }, c: { type: 'boolean' } }, required: ['a'], additionalProperties: false };
    const value = shrunk(arbitraryFromSchema(schema) as fc.Arbitrary<Record<string, unknown>>, (o) => !('b' in o));
    expect(value).toEqual({ a: '', b: 1 });
  });

  it('a pattern-matching string shrinks to the shortest failing match', () => {
    const schema = { type: 'string', pattern: '^[a-z]+@[a-z]+\\.com$' };
    const value = shrunk(arbitraryFromSchema(schema) as fc.Arbitrary<string>, (s) => s.length < 9);
    expect(value).toMatch(/^[a-z]+@[a-z]+\.com$/);
    expect(value.length).toBe(9);
  });

  it('a multiple shrinks to the one nearest zero that fails', () => {
    const schema = { type: 'number', multipleOf: 0.25, minimum: -100, maximum: 100 };
    expect(shrunk(arbitraryFromSchema(schema) as fc.Arbitrary<number>, (x) => x < 10)).toBe(10);
  });

  it('a shrunk counterexample is still valid', () => {
    const schema = { type: 'object', properties: { tags: { type: 'array', items: { type: 'string', pattern: '^#[a-z]{2,}$' }, uniqueItems: true, minItems: 1 } }, required: ['tags'] };
    const value = shrunk(arbitraryFromSchema(schema) as fc.Arbitrary<{ tags: string[] }>, (o) => o.tags.length < 3);
    expect(judge(schema)(value)).toBe(true);
    expect(value.tags).toHaveLength(3);
  });
});
