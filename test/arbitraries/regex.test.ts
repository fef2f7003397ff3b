import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, patternArbitrary } from '../../src/arbitraries/regex.ts';

describe('strings from the RE2 program of a pattern', () => {
  it.each([
    '^[A-Z]{2}-\\d{4}$',
    'abc',
    '^foo|bar$',
    '(?i)^hello$',
    '^\\p{Lu}\\p{Ll}+$',
    '^[^\\x00-\\x7F]+$',
    '\\bcat\\b',
    '(?m)^a$\\n^b$',
    '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$',
    '^\\x{1F600}+$',
    '^(a+)+$',
    '^$',
  ])('%s: every walk that succeeds matches, and nearly all succeed', (source) => {
    const pattern = compilePattern(source, '');
    const values = fc.sample(patternArbitrary(pattern, 0, 20), { seed: 5, numRuns: 300 });
    const produced = values.filter((v): v is string => v !== undefined);
    expect(produced.length).toBeGreaterThanOrEqual(290);
    expect(produced.filter((s) => !pattern.test(s))).toEqual([]);
  });

  it('aims at the requested length, padding unanchored patterns', () => {
    const pattern = compilePattern('[0-9]', '');
    const lengths = fc.sample(patternArbitrary(pattern, 12, 12), { seed: 1, numRuns: 100 }).map((s) => [...(s ?? '')].length);
    expect(lengths.every((n) => n === 12)).toBe(true);
  });

  it('walks loops as long as the target asks', () => {
    const pattern = compilePattern('^[a-z]+$', '');
    const values = fc.sample(patternArbitrary(pattern, 30, 40), { seed: 2, numRuns: 50 }) as string[];
    expect(values.every((s) => s.length >= 30 && s.length <= 40 && pattern.test(s))).toBe(true);
  });

  it('knows a pattern that can never match', () => {
    expect(compilePattern('[^\\x00-\\x{10FFFF}]', '').canMatch).toBe(false);
    expect(compilePattern('a^b', '').canMatch).toBe(true); // assertions are only checked while walking
  });

  it('reports a pattern RE2 cannot compile', () => {
    expect(() => compilePattern('(?=lookahead)', '/pattern')).toThrowError(/not a valid RE2 expression/);
  });

  it('shrinks towards the shortest match', () => {
    const pattern = compilePattern('^x(ab)*y$', '');
    const details = fc.check(fc.property(patternArbitrary(pattern, 0, 30), (s) => s === undefined || s.length < 6), { seed: 3 });
    expect(details.failed).toBe(true);
    expect(details.counterexample![0]).toBe('xababy');
  });
});
