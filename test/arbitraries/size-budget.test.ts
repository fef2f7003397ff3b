import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFromSchema, negativeArbitraryFromSchema, SchemaGenerationError } from '../../src/arbitraries/index.ts';
import { valueSize } from '../../src/arbitraries/build.ts';
import { draw, judge, rejected } from './helpers.ts';

/** Schemas whose smallest value would exhaust time or memory are refused at construction. */
function refusal(build: () => unknown): { error: SchemaGenerationError; ms: number } {
  const started = performance.now();
  try {
    build();
  } catch (error) {
    if (error instanceof SchemaGenerationError) return { error, ms: performance.now() - started };
    throw error;
  }
  throw new Error('expected a SchemaGenerationError, got an arbitrary');
}

const wideRequired = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`property-with-a-long-name-${i}`, { type: 'integer' }]));
const nested = (levels: number, minItems: number): Record<string, unknown> =>
  levels === 0 ? { type: 'integer' } : { type: 'array', minItems, items: nested(levels - 1, minItems) };

describe('the size budget (maxValueNodes, default 100,000)', () => {
  it.each([
    ['minItems of a million', { type: 'array', minItems: 1_000_000, items: { type: 'integer' } }, '', /minItems 1000000 needs values of at least 1,000,001 nodes.*maxValueNodes 100,000/],
    ['minLength of 10^8', { type: 'object', properties: { s: { type: 'string', minLength: 100_000_000 } }, required: ['s'] }, '/properties/s', /minLength 100000000.*maxValueNodes/],
    ['nested minItems multiplying (100 × 100 × 100)', nested(3, 100), '', /minItems 100 needs values of at least 1,010,101 nodes/],
    ['5,000 required properties of long names', { type: 'object', properties: wideRequired, required: Object.keys(wideRequired) }, '', /5000 required properties.*maxValueNodes/],
    ['minProperties of ten million', { type: 'object', minProperties: 10_000_000 }, '', /minProperties 10000000.*maxValueNodes/],
    ['contains that must match a million items', { type: 'array', contains: { type: 'string', minLength: 3 }, minContains: 1_000_000 }, '', /minContains 1000000.*maxValueNodes/],
    ['a tuple of huge strings', { type: 'array', prefixItems: [{ type: 'string', minLength: 60_000 }, { type: 'string', minLength: 60_000 }], minItems: 2 }, '', /minItems 2 needs values of at least 120,003 nodes/],
    ['a recursive list that needs every level deep', { $defs: { list: { type: 'array', minItems: 50, items: { anyOf: [{ $ref: '#/$defs/list' }, { type: 'string', minLength: 100 }] } } }, $ref: '#/$defs/list' }, '', /maxValueNodes/],
  ])('%s: unsupported quickly, naming the limit and the pointer', (_name, schema, pointer, message) => {
    const { error, ms } = refusal(() => arbitraryFromSchema(schema));
    expect(error.kind).toBe('unsupported');
    expect(error.pointer).toBe(pointer);
    expect(error.message).toMatch(message);
    // bounded time: the budget is checked before the validator compiles (on a shared, loaded machine)
    expect(ms).toBeLessThan(10_000);
    // the negative arbitrary starts from valid values: refused the same way
    expect(refusal(() => negativeArbitraryFromSchema(schema)).error.message).toBe(error.message);
  });

  it('deep recursion that never bottoms out is refused with the depth bound, quickly', () => {
    const schema = { $defs: { n: { type: 'object', properties: { a: { $ref: '#/$defs/n' }, b: { $ref: '#/$defs/n' } }, required: ['a', 'b'] } }, $ref: '#/$defs/n' };
    const { error, ms } = refusal(() => arbitraryFromSchema(schema));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/maxDepth/);
    expect(ms).toBeLessThan(5_000);
  });

  it('a branch beyond the budget is dropped when another branch fits', () => {
    const schema = { anyOf: [{ type: 'array', minItems: 1_000_000 }, { type: 'string', maxLength: 3 }] };
    const values = draw(arbitraryFromSchema(schema), 50, 5);
    expect(values.every((v) => typeof v === 'string')).toBe(true);
  });

  it('is an option: a larger budget generates what the default refuses, a smaller one refuses more', () => {
    const schema = { type: 'array', minItems: 150_000, maxItems: 150_000, items: { const: 0 } };
    expect(refusal(() => arbitraryFromSchema(schema)).error.message).toMatch(/maxValueNodes 100,000/);
    const [value] = draw(arbitraryFromSchema(schema, { maxValueNodes: 200_000 }), 1, 3) as unknown[][];
    expect(value).toHaveLength(150_000);
    expect(refusal(() => arbitraryFromSchema({ type: 'string', minLength: 20 }, { maxValueNodes: 10 })).error.message).toMatch(/minLength 20.*maxValueNodes 10\b/);
  });

  it('values of schemas within the budget stay valid and within it (seeded)', () => {
    const schema = nested(2, 40);
    const values = draw(arbitraryFromSchema(schema, { maxValueNodes: 5_000 }), 30, 11);
    expect(rejected(judge(schema), values)).toEqual([]);
    expect(Math.max(...values.map(valueSize))).toBeLessThanOrEqual(5_000);
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
      const smallest = 1 + n * (1 + n);
      // outer arrays get up to maxItems (5) more items, inner ones up to 2 more
      const largest = 1 + (n + 5) * (1 + n + 2);
      try {
        const values = draw(arbitraryFromSchema(nested(2, n), { maxValueNodes: 2_000 }), 10, n);
        return smallest <= 2_000 && values.every((v) => valueSize(v) <= 2_000);
      } catch (error) {
        return error instanceof SchemaGenerationError && error.kind === 'unsupported' && /maxValueNodes 2,000/.test(error.message) && largest > 2_000;
      }
    }), { seed: 42, numRuns: 40 });
  });
});
