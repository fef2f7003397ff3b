import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { bindingOf, boundRequest, headerTemplates, loadBindings, parseBindings, resolveHeaders } from '../../src/contracts/bindings.ts';
import { ApiconformError } from '../../src/util/errors.ts';
import { ROOT } from '../helpers.ts';

const D7 = { slug: 'd7sms', id: '4b1a2551-9995-4dbe-95f9-ecdc606a0b08' };
const NUM_LOOKUP = { slug: 'num-lookup', id: '0b4d1c46-0000-0000-0000-000000000000' };

function configErrorOf(run: () => unknown): ApiconformError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiconformError);
    expect((error as ApiconformError).kind).toBe('config');
    return error as ApiconformError;
  }
  throw new Error('expected a config error');
}

describe('bindings', () => {
  it('reads the README example (YAML) and looks endpoints up by slug or uuid', async () => {
    const bindings = await loadBindings(join(ROOT, 'test/fixtures/contracts/bindings.yaml'));
    expect(bindings.defaults).toEqual({ timeoutMs: 10000, retries: 2, rateLimit: '5/s', headers: { 'X-RapidAPI-Key': '${RAPIDAPI_KEY}' } });
    const binding = bindingOf(bindings, D7, NUM_LOOKUP);
    expect(boundRequest(binding)).toEqual({ method: 'POST', path: '/hlr/v1/lookup', body: { recipient: '+971509752655' } });
    expect(binding.api?.baseUrl).toBe('https://example.test');
    const byUuid = parseBindings({ apis: { [D7.id]: { baseUrl: 'http://127.0.0.1:1', endpoints: { [NUM_LOOKUP.id]: { path: '/x', query: { page: 2, tags: ['a', true] } } } } } });
    expect(boundRequest(bindingOf(byUuid, D7, NUM_LOOKUP))).toEqual({ method: 'GET', path: '/x', query: { page: '2', tags: ['a', 'true'] } });
    expect(bindingOf(byUuid, { slug: 'other', id: 'x' }, NUM_LOOKUP)).toEqual({});
  });

  it.each([
    ['an unknown option', { apis: { d7sms: { baseurl: 'x' } } }, /apis\/d7sms: unknown option "baseurl"/],
    ['a base URL that is not http', { apis: { d7sms: { baseUrl: 'ftp://x' } } }, /baseUrl "ftp:\/\/x" is not an http\(s\) URL/],
    ['a path without /', { apis: { d7sms: { endpoints: { x: { path: 'hlr' } } } } }, /path "hlr" does not start with "\/"/],
    ['an unknown method', { apis: { d7sms: { endpoints: { x: { method: 'FETCH', path: '/' } } } } }, /method "FETCH" is not one of GET/],
    ['a body on GET', { apis: { d7sms: { endpoints: { x: { path: '/', body: {} } } } } }, /has a body but method GET/],
    ['a bad rate limit', { defaults: { rateLimit: 'fast' } }, /rateLimit "fast"/],
  ])('rejects %s with a message naming where', (_name, value, message) => {
    expect(configErrorOf(() => parseBindings(value, 'b.yaml')).message).toMatch(message);
  });

  it('merges headers defaults < API < endpoint, names compared case-insensitively', () => {
    const bindings = parseBindings({
      defaults: { headers: { 'X-RapidAPI-Key': '${KEY}', Accept: 'application/json' } },
      apis: { d7sms: { headers: { 'x-rapidapi-host': 'd7.example' }, endpoints: { 'num-lookup': { path: '/l', headers: { accept: 'text/plain' } } } } },
    });
    expect(headerTemplates(bindings, bindingOf(bindings, D7, NUM_LOOKUP))).toEqual({ 'X-RapidAPI-Key': '${KEY}', accept: 'text/plain', 'x-rapidapi-host': 'd7.example' });
  });

  it('fills ${VAR} from the environment and returns the values as secrets', () => {
    const resolved = resolveHeaders({ Authorization: 'Bearer ${TOKEN}', 'X-Literal': '$${NOT_A_VAR}', Plain: 'v' }, { TOKEN: 'sekret-123' }, 'd7sms/num-lookup');
    expect(resolved).toEqual({ headers: { Authorization: 'Bearer sekret-123', 'X-Literal': '${NOT_A_VAR}', Plain: 'v' }, secrets: ['sekret-123'] });
  });

  it('names a missing variable, never a value', () => {
    const error = configErrorOf(() => resolveHeaders({ 'X-RapidAPI-Key': '${RAPIDAPI_KEY}', Other: '${PRESENT}' }, { PRESENT: 'sekret-present' }, 'd7sms/num-lookup'));
    expect(error.message).toBe('bindings: header "X-RapidAPI-Key" of d7sms/num-lookup needs the environment variable RAPIDAPI_KEY, which is not set');
    expect(error.message).not.toContain('sekret');
  });

  it('refuses a value that would split the header', () => {
    expect(configErrorOf(() => resolveHeaders({ A: '${V}' }, { V: 'x\r\nInjected: 1' }, 'd7sms/num-lookup')).message).toMatch(/line break/);
  });
});
