import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonDepth, textNestingDepth } from '../../src/util/json-depth.ts';

describe('json depth', () => {
  it.each([
    ['1', 0],
    ['[]', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['"[[[["', 0],
    ['["\\"[[", {"x": "\\\\"}]', 2],
    ['["\\\\\\"[", []]', 2],
  ])('%s has depth %i', (text, depth) => {
    expect(textNestingDepth(text)).toBe(depth);
    expect(jsonDepth(JSON.parse(text))).toBe(depth);
  });

  it('stops counting once past the limit (a 20,000-deep array costs nothing)', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(textNestingDepth(deep, 200)).toBe(201);
    expect(jsonDepth(JSON.parse(deep), 200)).toBe(201);
  });

  it('the text scan agrees with the parsed depth for any JSON (property, seed 7)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        expect(textNestingDepth(text, 1000)).toBe(jsonDepth(value, 1000));
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
