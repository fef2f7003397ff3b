import { describe, expect, it } from 'vitest';
import { FRAGMENT_LENGTH, REDACTED, redactValue, redactor } from '../../src/util/secrets.ts';

// `/`, `~`, `+`, `=` and a space: every encoding below differs from the secret itself
const SECRET = 'tok/PRB~KEY+7f3=a b"cd-4b1a2551';
const redact = redactor([SECRET]);
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('redactor: every form in which a secret can come back', () => {
  it.each([
    ['as it is', SECRET],
    ['JSON-escaped (inside a JSON string)', JSON.stringify(SECRET).slice(1, -1)],
    ['JSON-escaped with \\/', JSON.stringify(SECRET).slice(1, -1).replace(/\//g, '\\/')],
    ['JSON-pointer-escaped (an object key in a pointer)', SECRET.replace(/~/g, '~0').replace(/\//g, '~1')],
    ['URL-encoded', encodeURIComponent(SECRET)],
    ['form-encoded', encodeURIComponent(SECRET).replace(/%20/g, '+')],
    ['URL-encoded, lower-case hex', encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    ['base64', b64(SECRET)],
    ['base64 without padding', b64(SECRET).replace(/=+$/, '')],
    ['base64url', b64url(SECRET)],
    ['base64 of "Bearer <secret>"', b64(`Bearer ${SECRET}`)],
    ['base64url of "Bearer <secret>"', b64url(`Bearer ${SECRET}`)],
  ])('%s', (_name, form) => {
    const text = `echo: ${form} (end)`;
    const out = redact(text);
    expect(out).toContain(REDACTED);
    expect(out).not.toContain(form);
    expect(out.startsWith('echo: ')).toBe(true);
  });

  it('any fragment of 12 characters, as left in text cut through the secret', () => {
    for (let at = 0; at + FRAGMENT_LENGTH <= SECRET.length; at++) {
      const cut = `…${SECRET.slice(at, at + FRAGMENT_LENGTH)}`;
      expect(redact(cut)).toBe(`…${REDACTED}`);
    }
    // the start of a secret at the end of a cut excerpt, the end of one at its start
    expect(redact(`x${SECRET.slice(0, 20)}…`)).not.toContain(SECRET.slice(0, 12));
    expect(redact(`…${SECRET.slice(-13)}`)).not.toContain(SECRET.slice(-12));
  });

  it('leaves other text alone, and works on keys and values at any depth', () => {
    expect(redact('nothing secret here, tok/PRB~ only')).toBe('nothing secret here, tok/PRB~ only');
    expect(redactor([])('a')).toBe('a');
    const value = { [SECRET]: [{ deep: `x${b64(SECRET)}x` }], n: 1 };
    expect(JSON.stringify(redactValue(value, redact))).toBe(`{"${REDACTED}":[{"deep":"x${REDACTED}x"}],"n":1}`);
  });
});
