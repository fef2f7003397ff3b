import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ValidateFunction } from 'ajv';
import { loadCatalogueModel, type CatalogueModel } from '../../src/model/index.ts';
import { parseBindings } from '../../src/contracts/bindings.ts';
import { runDriftChecks } from '../../src/drift/index.ts';
import { backoffMs, invalidUtf8Offset } from '../../src/drift/call.ts';
import { checkSafely } from '../../src/drift/check.ts';
import { planDrift } from '../../src/drift/plan.ts';
import { encodedForms } from '../../src/util/secrets.ts';
import { BUNDLED_CATALOGUE } from '../helpers.ts';

/** Providers that misbehave on purpose: deep, echoing, non-UTF-8, rate-limited and slow answers. */
let model: CatalogueModel;
const servers: Array<{ close: () => unknown }> = [];
beforeAll(async () => {
  model = (await loadCatalogueModel(BUNDLED_CATALOGUE)).model;
});
afterAll(async () => {
  for (const server of servers) await server.close();
});

const api = (slug: string) => model.apis.find((a) => a.slug === slug)!;
const exampleBody = (apiSlug: string, endpointSlug: string, status = 200) =>
  structuredClone(api(apiSlug).endpoints.find((e) => e.slug === endpointSlug)!.responses.find((r) => r.status === status)!.examples[0]!.body) as Record<string, unknown>;

async function provider(answer: (request: IncomingMessage, response: ServerResponse) => void) {
  const seen: Array<{ at: number; url: string }> = [];
  const server: Server = createServer((request, response) => {
    seen.push({ at: performance.now(), url: request.url ?? '' });
    request.resume();
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handle = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
  servers.push(handle);
  return handle;
}

const send = (response: ServerResponse, status: number, body: string | Buffer, type = 'application/json') => {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
};

describe('a hostile provider cannot crash drift', () => {
  it('a body of 5,000 nested arrays is a finding for its endpoint; the other endpoints are still checked', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const server = await provider((request, response) => (request.url === '/deep' ? send(response, 200, deep) : send(response, 200, JSON.stringify(exampleBody('d7sms', 'num-lookup')))));
    const bindings = parseBindings({
      defaults: { retries: 0, timeoutMs: 10_000 },
      apis: { d7sms: { baseUrl: server.url, endpoints: { 'send-viber-message': { path: '/deep' }, 'num-lookup': { path: '/ok' } } } },
    });
    const run = await runDriftChecks({ model, bindings });
    const byEndpoint = Object.fromEntries(run.results.map((r) => [r.endpoint, r.verdict]));
    expect(byEndpoint).toEqual({ 'num-lookup': 'ok', 'send-viber-message': 'drift' });
    const deepFinding = run.findings.find((f) => f.endpoint === 'send-viber-message')!;
    expect(deepFinding.ruleId).toBe('drift/type-changed');
    expect(deepFinding.message).toContain('an array [[[[');
  });

  it('a check that throws (a validator overflowing on a deep body) is a drift/unchecked finding, not the end of the run', () => {
    const { calls } = planDrift(model, parseBindings({ apis: { d7sms: { baseUrl: 'http://127.0.0.1:9', endpoints: { 'num-lookup': { path: '/x' } } } } }));
    const call = calls[0]!;
    const statuses = new Map(call.endpoint.responses.map((r) => [r.status, { status: r.status, schema: {}, hash: String(r.status) }]));
    const overflowing = (() => {
      throw new RangeError('Maximum call stack size exceeded');
    }) as unknown as ValidateFunction;
    const outcome = { kind: 'response' as const, status: 200, contentType: 'application/json', bodyText: '[]', latencyMs: 1, attempts: 1, truncated: false };
    const findings = checkSafely(call, outcome, statuses as never, () => overflowing);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'drift/unchecked', severity: 'error', endpoint: 'num-lookup', status: 200 })]);
    expect(findings[0]!.message).toContain('nested too deeply');
  });
});

describe('a large drifted answer', () => {
  it('gives at most 20 findings, the last saying how many more there were', async () => {
    const { createAjv } = await import('../../src/validators/index.ts');
    const { calls } = planDrift(model, parseBindings({ apis: { d7sms: { baseUrl: 'http://127.0.0.1:9', endpoints: { 'num-lookup': { path: '/x' } } } } }));
    const schema = { type: 'array', items: { type: 'string' } };
    const statuses = new Map([[200, { status: 200, schema, hash: 'h' }]]);
    const validate = createAjv().compile(schema);
    const bodyText = JSON.stringify(Array.from({ length: 60_000 }, (_, i) => i));
    const outcome = { kind: 'response' as const, status: 200, contentType: 'application/json', bodyText, latencyMs: 1, attempts: 1, truncated: false };
    const findings = checkSafely(calls[0]!, outcome, statuses as never, () => validate);
    expect(findings).toHaveLength(20);
    expect(findings.every((f) => f.ruleId === 'drift/type-changed')).toBe(true);
    expect(findings[19]!.message).toContain('59980 more violation(s)');
    expect(findings[19]!.evidence).toMatchObject({ moreViolations: 59_980 });
    expect(validate.errors).toBeNull(); // the 60,000 errors are not kept with the validator
  });
});

describe('an echoed secret leaves drift in no form', () => {
  // `/` `~` `+` `=` `:`: its JSON-pointer and URL encodings differ from it
  const SECRET = 'tok/PRB~KEY+7f3=ab:cd-4b1a2551xyz';
  const b64 = (text: string) => Buffer.from(text).toString('base64');

  it('not in a JSON.parse snippet, an excerpt cut through it, a pointer, or its encodings', async () => {
    const server = await provider((request, response) => {
      const key = String(request.headers['x-key']);
      switch (request.url) {
        case '/parse': // not JSON, starting with the key: V8 quotes its first 10 characters
          return send(response, 200, `${key} is your key`, 'text/plain');
        case '/cut-message': { // a number field holding a string: the message quotes 59 characters of it, 11 of them the key's
          const body = exampleBody('d7sms', 'num-lookup');
          body.mcc = `${'p'.repeat(47)}${key}`;
          return send(response, 200, JSON.stringify(body));
        }
        case '/key-as-field': // a new field named after the key: its pointer is `/tok~1PRB~0KEY…`
          return send(response, 200, JSON.stringify({ ...exampleBody('d7sms', 'send-viber-message'), [key]: 1 }));
        case '/encodings': // an undocumented status whose body (kept as a 300-character excerpt) holds the encodings
          return send(response, 418, JSON.stringify({ b: b64(key), bearer: b64(`Bearer ${key}`), url: encodeURIComponent(key) }));
        default: // an undocumented status, the key 289 characters in: the 300-character excerpt cuts it after 11
          return send(response, 418, `${'x'.repeat(289)}${key}`, 'text/plain');
      }
    });
    const bindings = parseBindings({
      defaults: { retries: 0, timeoutMs: 10_000, headers: { 'X-Key': '${HOSTILE_KEY}' } },
      apis: {
        d7sms: {
          baseUrl: server.url,
          endpoints: {
            'verify-otp': { path: '/parse' },
            'num-lookup': { path: '/cut-message' },
            'send-viber-message': { path: '/key-as-field' },
            'resend-otp': { path: '/encodings' },
            'generate-otp': { path: '/cut-evidence' },
          },
        },
      },
    });
    const run = await runDriftChecks({ model, bindings, env: { HOSTILE_KEY: SECRET } });
    expect(run.findings.map((f) => `${f.endpoint} ${f.ruleId}`).sort()).toEqual([
      'generate-otp drift/undocumented-status',
      'num-lookup drift/type-changed',
      'resend-otp drift/undocumented-status',
      'send-viber-message drift/new-field',
      'verify-otp drift/non-json-body',
    ]);
    const out = JSON.stringify(run);
    for (const form of encodedForms(SECRET)) expect(out).not.toContain(form);
    expect(out).not.toContain(encodedForms(`Bearer ${SECRET}`).find((f) => f.startsWith(b64('Bearer').slice(0, 6)))!);
    // not even 8 characters of it
    for (let at = 0; at + 8 <= SECRET.length; at++) expect(out, SECRET.slice(at, at + 8)).not.toContain(SECRET.slice(at, at + 8));
    expect(out).toContain('[redacted]');
    expect(run.findings.find((f) => f.endpoint === 'send-viber-message')!.pointer).toBe('/[redacted]');
  });
});

describe('invalid UTF-8 from a provider', () => {
  it('is a drift/invalid-encoding finding at the first bad byte, not replaced in silence', async () => {
    const body = Buffer.from(JSON.stringify({ ...exampleBody('d7sms', 'num-lookup'), network: 'Caf__' }));
    const bad = Buffer.from(body);
    bad.write('\xe9\xff', body.indexOf('__'), 'latin1'); // Latin-1 é, then a byte UTF-8 never has
    const fine = Buffer.from(JSON.stringify({ ...exampleBody('d7sms', 'num-lookup'), network: 'Café \ufffd 😀' }));
    const server = await provider((request, response) => send(response, 200, request.url === '/bad' ? bad : fine));
    const bindings = parseBindings({
      defaults: { retries: 0, timeoutMs: 10_000 },
      apis: { d7sms: { baseUrl: server.url, endpoints: { 'num-lookup': { path: '/bad' }, 'send-viber-message': { path: '/fine' } } } },
    });
    const run = await runDriftChecks({ model, bindings });
    const encoding = run.findings.filter((f) => f.ruleId === 'drift/invalid-encoding');
    expect(encoding).toEqual([expect.objectContaining({ endpoint: 'num-lookup', status: 200, severity: 'error', evidence: expect.objectContaining({ offset: body.indexOf('__') }) })]);
    expect(invalidUtf8Offset(bad)).toBe(body.indexOf('__'));
    expect(invalidUtf8Offset(fine)).toBe(-1);
    expect(invalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // an encoded surrogate
    expect(invalidUtf8Offset(Buffer.from([0x22, 0xc0, 0xaf]))).toBe(1); // an overlong "/"
    expect(invalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1); // cut inside a character
  });
});

describe('fair scheduling', () => {
  const others = () => [api('easy-authenticator'), api('energy-optimizer')].map((a) => ({ api: a.slug, endpoint: a.endpoints[0]!.slug }));
  /** d7sms (earlier in the catalogue, 8 endpoints) on `slow`, one endpoint each of two later APIs on `fast`. */
  const bindingsFor = (slow: string, fast: string, defaults: Record<string, unknown>) =>
    parseBindings({
      defaults: { retries: 0, timeoutMs: 10_000, ...defaults },
      apis: {
        d7sms: { baseUrl: slow, endpoints: Object.fromEntries(api('d7sms').endpoints.map((e) => [e.slug, { path: `/${e.slug}` }])) },
        ...Object.fromEntries(others().map(({ api: a, endpoint }) => [a, { baseUrl: fast, endpoints: { [endpoint]: { path: `/${a}` } } }])),
      },
    });

  it('an API waiting for its rate limit holds no slot: the others are called at once', async () => {
    const slow = await provider((_request, response) => send(response, 200, '{}'));
    const fast = await provider((_request, response) => send(response, 200, '{}'));
    const run = await runDriftChecks({ model, bindings: bindingsFor(slow.url, fast.url, { rateLimit: '2/s' }), concurrency: 4 });
    expect(run.results).toHaveLength(10);
    expect(fast.seen).toHaveLength(2);
    // before: 4 slots taken by d7sms calls waiting for their turn, the others after ~2 s
    const started = Math.min(...slow.seen.map((s) => s.at));
    for (const s of fast.seen) expect(s.at - started).toBeLessThan(1000);
    const times = slow.seen.map((s) => s.at).sort((a, b) => a - b);
    // started 500 ms apart; arrival adds the jitter of a loaded machine
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(350);
  }, 30_000);

  it('an API whose answers are slow does not take every slot', async () => {
    const slow = await provider((_request, response) => void setTimeout(() => send(response, 200, '{}'), 1500));
    const fast = await provider((_request, response) => send(response, 200, '{}'));
    await runDriftChecks({ model, bindings: bindingsFor(slow.url, fast.url, {}), concurrency: 2 });
    // before: both slots on d7sms for 4 rounds of 1.5 s
    const started = Math.min(...slow.seen.map((s) => s.at));
    expect(fast.seen).toHaveLength(2);
    for (const s of fast.seen) expect(s.at - started).toBeLessThan(1400);
  }, 30_000);

  it('retries go through the rate limit too, and back off with full jitter', async () => {
    let calls = 0;
    const flaky = await provider((_request, response) => send(response, ++calls <= 2 ? 503 : 200, JSON.stringify(exampleBody('d7sms', 'num-lookup'))));
    const bindings = parseBindings({ defaults: { retries: 2, timeoutMs: 10_000, rateLimit: '2/s' }, apis: { d7sms: { baseUrl: flaky.url, endpoints: { 'num-lookup': { path: '/n' } } } } });
    const run = await runDriftChecks({ model, bindings });
    expect(run.results).toEqual([expect.objectContaining({ status: 200, attempts: 3, verdict: 'ok' })]);
    // before: retried after 250 ms and 500 ms whatever the rate limit
    for (let i = 1; i < flaky.seen.length; i++) expect(flaky.seen[i]!.at - flaky.seen[i - 1]!.at).toBeGreaterThanOrEqual(350);

    expect(backoffMs(1, () => 0)).toBe(0);
    expect(backoffMs(1, () => 0.5)).toBe(125);
    expect(backoffMs(3, () => 0.5)).toBe(500);
    expect(backoffMs(30, () => 0.9999)).toBeLessThan(10_000);
    const waits = new Set(Array.from({ length: 20 }, () => backoffMs(4)));
    expect(waits.size).toBeGreaterThan(10); // random, not a fixed 2 s
  }, 30_000);
});
