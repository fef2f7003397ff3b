import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCatalogueModel } from '../../src/model/index.ts';
import type { CatalogueModel } from '../../src/model/index.ts';
import { parseBindings } from '../../src/contracts/bindings.ts';
import { runDriftChecks, shardOf } from '../../src/drift/index.ts';
import { parseMutations, startMockServer, type MockServer } from '../../src/serve/index.ts';
import { spawn } from 'node:child_process';
import { BUNDLED_CATALOGUE, CLI, ROOT, removeDir, runCli, tempDir } from '../helpers.ts';

/** runCli without blocking this process: the test's own provider must keep answering meanwhile. */
function runCliAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let model: CatalogueModel;
let dir: string;
const servers: Array<{ close: () => unknown }> = [];
beforeAll(async () => {
  model = (await loadCatalogueModel(BUNDLED_CATALOGUE)).model;
  dir = await tempDir('apiconform-drift-');
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await removeDir(dir);
});

const d7sms = () => model.apis.find((api) => api.slug === 'd7sms')!;

/** Bindings that call every D7SMS endpoint on `baseUrl` at the mock provider's route. */
function d7smsBindings(baseUrl: string, defaults: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const endpoints = Object.fromEntries(d7sms().endpoints.map((e) => [e.slug, { method: 'POST', path: `/d7sms/${e.slug}`, body: { recipient: '+971509752655' } }]));
  return parseBindings({ defaults: { retries: 0, timeoutMs: 5000, ...defaults, headers }, apis: { d7sms: { baseUrl, endpoints } } });
}

async function mock(mutations: Record<string, unknown> = {}): Promise<MockServer> {
  const routes = (await import('../../src/serve/index.ts')).buildRoutes(model);
  const server = await startMockServer({ model, port: 0, mutations: parseMutations(mutations, routes) });
  servers.push(server);
  return server;
}

/** A provider of our own: `answer` decides each request's reply; every request is recorded. */
async function provider(answer: (request: IncomingMessage, response: ServerResponse, index: number) => void) {
  const seen: Array<{ at: number; headers: IncomingMessage['headers']; url: string }> = [];
  const server: Server = createServer((request, response) => {
    seen.push({ at: performance.now(), headers: request.headers, url: request.url ?? '' });
    request.resume();
    answer(request, response, seen.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handle = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
  servers.push(handle);
  return handle;
}

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};
const numLookupBody = () => structuredClone(d7sms().endpoints.find((e) => e.slug === 'num-lookup')!.responses.find((r) => r.status === 200)!.examples[0]!.body) as Record<string, unknown>;

describe('drift against live answers', () => {
  it('an unchanged provider gives no drift; each kind of change gives its own rule, at its pointer', async () => {
    const clean = await mock();
    const cleanRun = await runDriftChecks({ model, bindings: d7smsBindings(clean.url) });
    expect(cleanRun.results).toHaveLength(d7sms().endpoints.length);
    expect(cleanRun.results.every((r) => r.verdict === 'ok' && r.status === 200)).toBe(true);
    expect(cleanRun.findings).toEqual([]);

    const drifted = await mock({
      'd7sms/num-lookup': { kind: 'drop-field', pointer: '/country' },
      'd7sms/send-viber-message': { kind: 'change-type', pointer: '/request_id' },
      'd7sms/generate-otp': { kind: 'extra-field', field: 'cost' },
      'd7sms/verify-otp': { kind: 'non-json' },
      'd7sms/resend-otp': { kind: 'status', status: 418 },
      'd7sms/get-otp-status': { kind: 'delay', delayMs: 3000 },
    });
    const run = await runDriftChecks({ model, bindings: d7smsBindings(drifted.url, { timeoutMs: 400 }) });
    const shown = run.findings.map((f) => `${f.severity} ${f.ruleId} ${f.endpoint} ${f.pointer ?? ''}`).sort();
    expect(shown).toEqual([
      'error drift/missing-required-field num-lookup ',
      'error drift/non-json-body verify-otp ',
      'error drift/timeout get-otp-status ',
      'error drift/type-changed send-viber-message /request_id',
      'error drift/undocumented-status resend-otp ',
      'info drift/new-field generate-otp /cost',
    ]);
    expect(run.findings.find((f) => f.ruleId === 'drift/missing-required-field')!.message).toContain('"country"');
    const verdicts = Object.fromEntries(run.results.map((r) => [r.endpoint, r.verdict]));
    expect(verdicts).toMatchObject({ 'num-lookup': 'drift', 'get-otp-status': 'timeout', 'generate-otp': 'ok', 'd7api-check-balance': 'ok' });
  });

  it('retries 5xx and 429 honouring Retry-After, and reports what is still failing after the retries', async () => {
    const flaky = await provider((request, response, index) => {
      if (index === 1) return json(response, 503, { error: 'busy' }, { 'retry-after': '0' });
      if (index === 2) return json(response, 429, { error: 'slow down' }, { 'retry-after': '1' });
      return json(response, 200, numLookupBody());
    });
    const bindings = parseBindings({ defaults: { retries: 2, timeoutMs: 5000 }, apis: { d7sms: { baseUrl: flaky.url, endpoints: { 'num-lookup': { method: 'POST', path: '/lookup' } } } } });
    const run = await runDriftChecks({ model, bindings });
    expect(run.results).toEqual([expect.objectContaining({ endpoint: 'num-lookup', status: 200, attempts: 3, verdict: 'ok' })]);
    expect(flaky.seen[2]!.at - flaky.seen[1]!.at).toBeGreaterThanOrEqual(900); // Retry-After: 1 was honoured

    const down = await provider((_request, response) => json(response, 502, { error: 'bad gateway' }));
    const hanging = await provider(() => undefined); // accepts, never answers
    const failing = parseBindings({
      defaults: { retries: 1, timeoutMs: 300 },
      apis: {
        d7sms: { baseUrl: down.url, endpoints: { 'num-lookup': { path: '/a' } } },
        'co2-offset': { baseUrl: hanging.url, endpoints: { 'compensate-ghg-co2': { path: '/b' } } },
        'd7-number-validator': { baseUrl: 'http://127.0.0.1:1', endpoints: { 'validate-number': { path: '/c' } } },
      },
    });
    const failed = await runDriftChecks({ model, bindings: failing });
    expect(failed.findings.map((f) => `${f.ruleId} ${f.endpoint}`).sort()).toEqual([
      'drift/timeout compensate-ghg-co2',
      'drift/undocumented-status num-lookup', // 502 is not documented for it
      'drift/unreachable validate-number',
    ]);
    expect(down.seen).toHaveLength(2);
    expect(hanging.seen).toHaveLength(2);
    expect(failed.results.every((r) => r.attempts === 2)).toBe(true);
  });

  it('keeps to the per-API rate limit', async () => {
    const counter = await provider((_request, response) => json(response, 200, numLookupBody()));
    const run = await runDriftChecks({ model, bindings: d7smsBindings(counter.url, { rateLimit: '2/s' }), concurrency: 8 });
    expect(run.results).toHaveLength(8);
    const times = counter.seen.map((s) => s.at).sort((a, b) => a - b);
    // 8 calls at 2 per second: no window of one second holds more than 2
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(950);
  }, 20_000);

  it('sends secrets from the environment and writes them nowhere, even when the provider echoes them', async () => {
    const secret = 'sk-live-4b1a2551-do-not-leak';
    // a provider that echoes the key: in a new field everywhere, and in the body of an undocumented 418
    const echo = await provider((request, response) =>
      json(response, request.url === '/num-lookup' ? 418 : 200, { echoed: String(request.headers['x-rapidapi-key']), ...numLookupBody() }),
    );
    const bindingsFile = join(dir, 'bindings.yaml');
    const endpoints = d7sms().endpoints.map((e) => `      ${e.slug}: { method: POST, path: /${e.slug} }`).join('\n');
    await writeFile(bindingsFile, `defaults:\n  retries: 0\n  headers:\n    X-RapidAPI-Key: \${DRIFT_TEST_KEY}\napis:\n  d7sms:\n    baseUrl: ${echo.url}\n    endpoints:\n${endpoints}\n`);
    const out = join(dir, 'reports-secret');
    const run = await runCliAsync(['drift', '--bindings', bindingsFile, '--out', out, '--json'], { DRIFT_TEST_KEY: secret });
    expect(echo.seen.length).toBe(d7sms().endpoints.length);
    expect(echo.seen.every((s) => s.headers['x-rapidapi-key'] === secret)).toBe(true);
    expect(run.code).toBe(1); // the undocumented 418
    expect(run.stdout + run.stderr).not.toContain(secret);
    for (const file of await readdir(out)) expect(await readFile(join(out, file), 'utf8')).not.toContain(secret);
    expect(await readFile(join(out, 'findings.json'), 'utf8')).toContain('[redacted]');

    // a missing variable is a config error before any call
    const before = echo.seen.length;
    const missing = await runCliAsync(['drift', '--bindings', bindingsFile, '--out', out], { DRIFT_TEST_KEY: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('DRIFT_TEST_KEY');
    expect(echo.seen.length).toBe(before);
  });

  it('shards split the bound endpoints: disjoint, together all of them, stable by endpoint id', async () => {
    const server = await mock();
    const bindings = d7smsBindings(server.url);
    const shards = await Promise.all([1, 2, 3].map((index) => runDriftChecks({ model, bindings, shard: { index, count: 3 } })));
    const called = shards.map((s) => s.results.map((r) => r.endpoint));
    expect(called.flat().sort()).toEqual(d7sms().endpoints.map((e) => e.slug).sort());
    expect(new Set(called.flat()).size).toBe(called.flat().length);
    for (const [i, endpoints] of called.entries()) for (const slug of endpoints) expect(shardOf(d7sms(), d7sms().endpoints.find((e) => e.slug === slug)!, 3)).toBe(i + 1);

    const out = join(dir, 'reports-shard');
    const cli = runCli(['drift', '--bindings', join(dir, 'shard-bindings.json'), '--shard', '0/3', '--out', out]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('--shard');
  });
});

describe('drift plan', () => {
  it('reads the rate limits the bindings accept, evenly spaced', async () => {
    const { parseRateLimit } = await import('../../src/drift/index.ts');
    expect(parseRateLimit('5/s')).toMatchObject({ limit: 1, intervalMs: 200 });
    expect(parseRateLimit('100/m')).toMatchObject({ limit: 1, intervalMs: 600 });
    expect(parseRateLimit('0.5/s')).toMatchObject({ limit: 1, intervalMs: 2000 });
    expect(parseRateLimit('3600/h')).toMatchObject({ limit: 1, intervalMs: 1000 });
    expect(() => parseRateLimit('fast')).toThrow(/rateLimit "fast"/);
    expect(() => parseRateLimit('0/s')).toThrow(/rateLimit/);
  });
});

describe('drift and redirects', () => {
  it('follows redirects within the origin, and never sends the headers to another origin', async () => {
    const elsewhere = await provider((_request, response) => json(response, 200, numLookupBody()));
    const origin = await provider((request, response) => {
      if (request.url === '/old') {
        response.writeHead(301, { location: '/new' });
        return response.end();
      }
      if (request.url === '/away') {
        response.writeHead(302, { location: `${elsewhere.url}/steal` });
        return response.end();
      }
      return json(response, 200, numLookupBody());
    });
    const bindings = parseBindings({
      defaults: { retries: 0, headers: { 'X-RapidAPI-Key': '${DRIFT_REDIRECT_KEY}' } },
      apis: {
        d7sms: { baseUrl: origin.url, endpoints: { 'num-lookup': { path: '/old' }, 'send-viber-message': { path: '/away' } } },
      },
    });
    const run = await runDriftChecks({ model, bindings, env: { DRIFT_REDIRECT_KEY: 'secret-redirect-key' } });
    const byEndpoint = Object.fromEntries(run.results.map((r) => [r.endpoint, r]));
    expect(byEndpoint['num-lookup']).toMatchObject({ status: 200, verdict: 'ok' });
    expect(origin.seen.map((s) => s.url)).toEqual(expect.arrayContaining(['/old', '/new', '/away']));
    expect(elsewhere.seen).toHaveLength(0);
    expect(byEndpoint['send-viber-message']).toMatchObject({ status: 302, verdict: 'drift' });
    expect(run.findings.map((f) => `${f.ruleId} ${f.endpoint} ${f.status}`)).toEqual(['drift/undocumented-status send-viber-message 302']);
  });
});
