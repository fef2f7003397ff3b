import { describe, expect, it } from 'vitest';
import { createAjv, patternProblem, toRe2Syntax } from '../../src/validators/index.ts';

describe('patterns run on RE2 inside ajv', () => {
  it('each pattern is checked against its own expression (regression: ajv cached them all as one)', () => {
    const ajv = createAjv();
    const slash = ajv.compile({ type: 'string', pattern: '/' });
    const digits = ajv.compile({ type: 'string', pattern: '^[0-9]+$' });
    expect(slash('a/b')).toBe(true);
    expect(slash('ab')).toBe(false);
    expect(digits('123')).toBe(true);
    expect(digits('12a')).toBe(false);
    const props = ajv.compile({ type: 'object', patternProperties: { '^x-': { type: 'integer' } } });
    expect(props({ 'x-a': 1 })).toBe(true);
    expect(props({ 'x-a': 'no' })).toBe(false);
  });

  it('a catastrophic pattern runs in linear time', () => {
    const validate = createAjv().compile({ type: 'string', pattern: '^(a+)+$' });
    const started = performance.now();
    expect(validate(`${'a'.repeat(50_000)}!`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000); // a backtracking engine would not finish
  });

  it('ECMAScript \\u escapes are translated; look-around is refused', () => {
    expect(toRe2Syntax('^\\u0041\\u{1F600}$')).toBe('^\\x{0041}\\x{1F600}$');
    expect(createAjv().compile({ type: 'string', pattern: '^\\u0041$' })('A')).toBe(true);
    expect(patternProblem('(?=a)b')).toMatch(/unsupported/);
    expect(patternProblem('^[a-z]+$')).toBeUndefined();
  });
});

describe('createAjv options', () => {
  it('a caller tuning `code` keeps the RE2 engine (regression: `(?i)` is RE2-only syntax)', () => {
    const ajv = createAjv({ code: { optimize: false } });
    const validate = ajv.compile({ type: 'string', pattern: '(?i)^abc$' });
    expect(validate('ABC')).toBe(true);
    expect(validate('abd')).toBe(false);
  });
});
