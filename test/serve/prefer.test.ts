import { describe, expect, it } from 'vitest';
import { formatPrefer, parsePrefer } from '../../src/serve/prefer.ts';

describe('parsePrefer (RFC 7240)', () => {
  it.each([
    ['nothing', undefined, {}, []],
    ['code', 'code=402', { code: 402 }, []],
    ['code and example in one header', 'code=400, example=1', { code: 400, example: 1 }, []],
    ['several headers', ['code=400', 'example=1'], { code: 400, example: 1 }, []],
    ['dynamic without a value', 'dynamic', { dynamic: true }, []],
    ['dynamic=true with parameters after ;', 'dynamic=true; strict', { dynamic: true }, []],
    ['quoted values and case', 'Code="201", EXAMPLE="0"', { code: 201, example: 0 }, []],
    ['unknown preferences are ignored', 'respond-async, wait=10, code=200', { code: 200 }, []],
    ['a bad code is a problem', 'code=abc', {}, ['code=abc is not a three-digit status']],
    ['a negative example is a problem', 'example=-1', {}, ['example=-1 is not an example index (0, 1, …)']],
    ['a bad dynamic is a problem', 'dynamic=maybe', {}, ['dynamic=maybe is neither true nor false']],
  ])('%s', (_name, header, preferences, problems) => {
    expect(parsePrefer(header)).toEqual({ preferences, problems });
  });

  it('formats what contracts send and parses it back', () => {
    const text = formatPrefer({ code: 402, example: 0 });
    expect(text).toBe('code=402, example=0');
    expect(parsePrefer(text).preferences).toEqual({ code: 402, example: 0 });
  });
});
