import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ajvMultipleOf, numberArbitrary, stepOf, toDecimal } from '../../src/arbitraries/numbers.ts';
import type { NumberConstraints } from '../../src/arbitraries/node.ts';
import { judge } from './helpers.ts';

const constraints = (c: Partial<NumberConstraints>): NumberConstraints => ({ minExclusive: false, maxExclusive: false, multipleOf: [], integral: false, touched: true, pointer: '', ...c });

describe('decimal arithmetic for multipleOf', () => {
  it('reads numbers as the decimals they were written as', () => {
    expect(toDecimal(0.01)).toEqual({ digits: 1n, scale: 2 });
    expect(toDecimal(1e-8)).toEqual({ digits: 1n, scale: 8 });
    expect(toDecimal(-2.5)).toEqual({ digits: -25n, scale: 1 });
    expect(toDecimal(1e21)).toEqual({ digits: 10n ** 21n, scale: 0 });
  });

  it('folds several multipleOf into their least common multiple', () => {
    expect(stepOf([4, 6], false)).toEqual({ digits: 12n, scale: 0 });
    expect(stepOf([0.2, 0.3], false)).toEqual({ digits: 6n, scale: 1 });
    expect(stepOf([0.5], true)).toEqual({ digits: 1n, scale: 0 });
    expect(stepOf([1.5], true)).toEqual({ digits: 3n, scale: 0 });
  });

  it('agrees with ajv on what a multiple is (ajv divides in floating point)', () => {
    expect(ajvMultipleOf(0.07, 0.01)).toBe(judge({ multipleOf: 0.01 })(0.07));
    expect(ajvMultipleOf(0.3, 0.1)).toBe(judge({ multipleOf: 0.1 })(0.3));
    expect(ajvMultipleOf(0.5, 0.1)).toBe(true);
  });

  it.each([0.01, 0.1, 0.05, 0.0001, 2.5, 7])('multipleOf %s: every value passes ajv, without float drift', (m) => {
    const validate = judge({ type: 'number', multipleOf: m, minimum: -50, maximum: 50 });
    const values = fc.sample(numberArbitrary(constraints({ multipleOf: [m], min: -50, max: 50 }), false, { attempts: 64 }), { seed: 4, numRuns: 500 });
    expect(values.filter((x) => !validate(x))).toEqual([]);
    const multiples = 2 * Math.floor(50 / m) + 1;
    expect(new Set(values).size).toBeGreaterThanOrEqual(Math.min(50, Math.floor(multiples * 0.8)));
  });

  it('respects exclusive bounds that fall on a multiple', () => {
    const values = fc.sample(numberArbitrary(constraints({ multipleOf: [0.25], min: 0, minExclusive: true, max: 1, maxExclusive: true }), false, { attempts: 64 }), { seed: 1, numRuns: 200 });
    expect(new Set(values)).toEqual(new Set([0.25, 0.5, 0.75]));
  });

  it('proves an empty range of multiples unsatisfiable', () => {
    expect(() => numberArbitrary(constraints({ multipleOf: [10], min: 11, max: 19 }), true, { attempts: 64 })).toThrowError(/no integer lies within \[11, 19\]/);
  });
});
