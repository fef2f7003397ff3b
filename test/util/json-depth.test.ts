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

describe('the iterative JSON walk (jsonText, mapJson) and what is built on it', async () => {
  const { jsonText, mapJson } = await import('../../src/util/json-depth.ts');
  const { canonicalJson } = await import('../../src/util/canonical-json.ts');
  const { excerpt, evidenceValue } = await import('../../src/checks/conformance/text.ts');
  const { safeJson } = await import('../../src/reports/text.ts');
  const deep = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
  const deepObject = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

  it('writes what JSON.stringify writes, pretty or not, for any JSON (property, seed 11)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2), (value, indent) => {
        expect(jsonText(value, { indent })).toBe(JSON.stringify(value, null, indent || undefined));
      }),
      { seed: 11, numRuns: 500 },
    );
    expect(jsonText({ a: undefined, b: [undefined, () => 1], c: 10n, d: NaN })).toBe('{"b":[null,null],"c":"10","d":null}');
    expect(jsonText(undefined)).toBeUndefined();
  });

  it('walks 20,000 levels without overflowing the stack, where JSON.stringify overflows at 5,000', () => {
    expect(() => JSON.stringify(deep(5000))).toThrow(RangeError);
    const text = jsonText(deep(20_000))!;
    expect(text).toHaveLength(40_000);
    expect(canonicalJson(deepObject(20_000))).toBe(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    expect(excerpt(deep(5000))).toBe(`${'['.repeat(59)}…`);
    expect(evidenceValue(deep(5000))).toBe(`${'['.repeat(299)}…`);
    expect(safeJson(deep(5000))).toHaveLength(10_000);
    expect(jsonText(deep(10), { maxDepth: 3 })).toBe('[[[[…]]]]');
    const copy = mapJson(deepObject(20_000), { key: (k) => k.toUpperCase() });
    expect(canonicalJson(copy).slice(0, 12)).toBe('{"A":{"A":{"');
  }, 30_000);

  it('costs O(maxLength) on a large value, and never cuts a surrogate pair', () => {
    let reads = 0;
    const items = Array.from({ length: 200_000 }, (_, i) => ({ id: i, get name() { reads++; return `item ${i}`; } }));
    const expected = `${JSON.stringify({ items: items.slice(0, 5) }).slice(0, 59)}…`;
    reads = 0;
    expect(jsonText({ items }, { maxLength: 60 })).toBe(expected);
    expect(reads).toBeLessThan(5); // it stopped after the first items, not after 200,000
    expect(jsonText(`${'x'.repeat(8)}😀`, { maxLength: 10 })).toBe('"xxxxxxxx…');
  });

  it('mapJson maps strings and keys, keeps __proto__ an own property, and keeps key order', () => {
    const source = JSON.parse('{"b":"s","a":["t",{"__proto__":"p"}],"n":1}') as unknown;
    const copy = mapJson(source, { string: (s) => s.toUpperCase(), key: (k) => `k${k}` }) as Record<string, unknown>;
    expect(JSON.stringify(copy)).toBe('{"kb":"S","ka":["T",{"k__proto__":"P"}],"kn":1}');
    const proto = mapJson(JSON.parse('{"__proto__":{"x":1}}') as object);
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });
});
