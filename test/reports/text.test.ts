import { describe, expect, it } from 'vitest';
import { evidenceText, safeJson, sourceText, truncateText } from '../../src/reports/text.ts';

describe('report text helpers', () => {
  it('cuts long text with a count of what was left out, never inside a surrogate pair', () => {
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText('abcdefghij', 4)).toBe('abcd… (6 more characters)');
    const emoji = `ab${'😀'.repeat(3)}`;
    const cut = truncateText(emoji, 3);
    expect(cut).toBe('ab… (6 more characters)');
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('shows evidence as JSON, strings as they are and the empty string visibly', () => {
    expect(evidenceText(undefined, 100)).toBe('');
    expect(evidenceText('', 100)).toBe('""');
    expect(evidenceText('2022-04-07T16:21:76Z', 100)).toBe('2022-04-07T16:21:76Z');
    expect(evidenceText({ a: [1, null] }, 100)).toBe('{"a":[1,null]}');
    expect(evidenceText({ a: 1 }, 100, 2)).toBe('{\n  "a": 1\n}');
    expect(evidenceText(0, 100)).toBe('0');
    expect(evidenceText('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}… (40 more characters)`);
  });

  it('never throws on cycles or bigints, and keeps shared (non-cyclic) values', () => {
    const shared = { v: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared, n: 10n };
    cyclic.self = cyclic;
    expect(safeJson(cyclic)).toBe('{"shared":{"v":1},"again":{"v":1},"n":"10","self":"[circular]"}');
  });

  it('names where a finding comes from', () => {
    expect(sourceText({ ruleId: 'r', severity: 'error', api: 'a', endpoint: 'e', message: 'm', source: { file: 'c.csv', line: 3, rowId: 'x/y/0/0' } })).toBe(
      'c.csv:3 (row x/y/0/0)',
    );
    expect(sourceText({ ruleId: 'r', severity: 'error', api: 'a', endpoint: 'e', message: 'm' })).toBe('');
  });
});
