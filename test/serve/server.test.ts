import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { createAjv } from '../../src/validators/ajv.ts';
import { normaliseSchema } from '../../src/schemas/index.ts';
import type { CatalogueModel } from '../../src/model/types.ts';
import { loadCatalogueModel } from '../../src/model/index.ts';
import { formatLogEntry, serve, startMockServer, type MockServer, type RequestLogEntry } from '../../src/serve/index.ts';
import { ApiconformError } from '../../src/util/errors.ts';
import { BUNDLED_CATALOGUE, ROOT } from '../helpers.ts';

let model: CatalogueModel;
let mock: MockServer;
const log: RequestLogEntry[] = [];

beforeAll(async () => {
  model = (await loadCatalogueModel(BUNDLED_CATALOGUE)).model;
  mock = await startMockServer({ model, port: 0, seed: 7, log: (entry) => log.push(entry) });
});
afterAll(async () => mock?.close());

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(mock.url + path, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

const exampleOf = (api: string, endpoint: string, status: number, index = 0) =>
  model.apis.find((a) => a.slug === api)!.endpoints.find((e) => e.slug === endpoint)!.responses.find((r) => r.status === status)!.examples[index]!;

describe('mock provider routes', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(mock.host).toBe('127.0.0.1');
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers the first 2xx example by default, with any method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const answer = await call('/d7sms/num-lookup', { method });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(answer.json()).toEqual(exampleOf('d7sms', 'num-lookup', 200).body);
    }
  });

  it('answers the lowest status when there is no 2xx', async () => {
    const answer = await call('/energy-optimizer/get-hours');
    expect(answer.status).toBe(422);
    expect(answer.json()).toEqual(exampleOf('energy-optimizer', 'get-hours', 422).body);
  });

  it('picks status and example with Prefer, and says which it applied', async () => {
    const answer = await call('/d7sms/resend-otp', { headers: { Prefer: 'code=400, example=1' } });
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual(exampleOf('d7sms', 'resend-otp', 400, 1).body);
    expect(answer.headers.get('preference-applied')).toBe('code=400, example=1');
    expect(answer.headers.get('vary')).toBe('Prefer');
  });

  it('generates a seeded body from the schema with Prefer: dynamic=true', async () => {
    const first = await call('/d7sms/num-lookup', { headers: { Prefer: 'dynamic=true' } });
    const second = await call('/d7sms/num-lookup', { headers: { Prefer: 'dynamic=true' } });
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(first.json()).not.toEqual(exampleOf('d7sms', 'num-lookup', 200).body);
    const validate = createAjv().compile(normaliseSchema(exampleOf('d7sms', 'num-lookup', 200).schema).schema as object);
    expect(validate(first.json())).toBe(true);
    const otherSeed = await startMockServer({ model, port: 0, seed: 8 });
    try {
      expect((await (await fetch(`${otherSeed.url}/d7sms/num-lookup`, { headers: { Prefer: 'dynamic=true' } })).text())).not.toBe(first.text);
    } finally {
      await otherSeed.close();
    }
  });

  it('explains a status or example the endpoint does not have (problem+json)', async () => {
    const noStatus = await call('/d7sms/num-lookup', { headers: { Prefer: 'code=418' } });
    expect(noStatus.status).toBe(400);
    expect(noStatus.headers.get('content-type')).toBe('application/problem+json');
    expect(noStatus.json()).toMatchObject({ status: 400, detail: expect.stringContaining('it has 200, 401, 402') });
    const noExample = await call('/d7sms/resend-otp', { headers: { Prefer: 'code=400, example=2' } });
    expect(noExample.json()).toMatchObject({ status: 400, detail: expect.stringContaining('has 2 example(s)') });
  });

  it('cannot serve status 130 and says so instead of hanging the client', async () => {
    const answer = await call('/friendchatik/friendchat-sms');
    expect(answer.status).toBe(500);
    expect(answer.json()).toMatchObject({ type: 'urn:apiconform:mock:unservable-status', catalogueStatus: 130 });
  });

  it('answers unknown routes with a 404 problem', async () => {
    const answer = await call('/d7sms/no-such-endpoint');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.json()).toMatchObject({ title: 'Not Found', status: 404, detail: expect.stringContaining('/__apiconform/endpoints') });
  });

  it('answers HEAD with the headers only and OPTIONS with Allow', async () => {
    const head = await call('/d7sms/num-lookup', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(JSON.stringify(exampleOf('d7sms', 'num-lookup', 200).body)));
    const options = await call('/d7sms/num-lookup', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toContain('POST');
    expect((await call('/nope', { method: 'OPTIONS' })).status).toBe(404);
  });

  it('lists its routes', async () => {
    const answer = await call('/__apiconform/endpoints');
    const routes = answer.json() as Array<{ path: string; defaultStatus: number; responses: Array<{ status: number; examples: number }> }>;
    expect(routes).toHaveLength(76);
    expect(routes.map((r) => r.path)).toEqual([...routes.map((r) => r.path)].sort());
    expect(routes.find((r) => r.path === '/d7sms/resend-otp')).toMatchObject({ defaultStatus: 200, responses: [{ status: 200, examples: 1 }, { status: 400, examples: 2 }, { status: 422, examples: 1 }] });
    expect((await call('/__apiconform/endpoints', { method: 'POST' })).status).toBe(405);
  });

  it('logs one line per request, without header values or query strings', async () => {
    log.length = 0;
    await call('/d7sms/num-lookup?apiKey=sekret-query', { headers: { Prefer: 'code=402', Authorization: 'Bearer sekret-auth', 'X-RapidAPI-Key': 'sekret-key' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toHaveLength(1);
    const line = formatLogEntry(log[0]!);
    expect(line).toMatch(/^GET \/d7sms\/num-lookup 402 \d+ms \(code=402, example=0\)$/);
    expect(JSON.stringify(log)).not.toMatch(/sekret/);
  });
});

describe('mock provider lifecycle', () => {
  it('finishes in-flight requests on close (a slow answer is cut short, not dropped)', async () => {
    const slow = await serve({ catalogue: BUNDLED_CATALOGUE, port: 0, mutate: join(ROOT, 'test/fixtures/contracts/drift-d7sms.yaml') });
    const pending = fetch(`${slow.url}/d7sms/d7api-check-balance`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await slow.close();
    const answer = await pending;
    expect(Date.now() - started).toBeLessThan(5000); // the mutation delays 30 s
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(exampleOf('d7sms', 'd7api-check-balance', 200).body);
    await expect(fetch(`${slow.url}/d7sms/num-lookup`)).rejects.toThrow();
  });

  it('reports a port in use as a usage error naming the port', async () => {
    const error = await startMockServer({ model, port: mock.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiconformError);
    expect((error as ApiconformError).message).toContain(`port ${mock.port} on 127.0.0.1 is in use`);
  });

  it('keeps a keep-alive connection usable after a request with a large body', async () => {
    const statuses = await new Promise<number[]>((resolve, reject) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const out: number[] = [];
      const once = (n: number) => {
        const body = JSON.stringify({ recipient: '+971509752655', padding: 'x'.repeat(100_000) });
        const headers = { Prefer: `code=${n === 0 ? 200 : 401}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) };
        const req = request(`${mock.url}/d7sms/num-lookup`, { agent, method: 'POST', headers }, (res) => {
          out.push(res.statusCode!);
          res.resume();
          res.on('end', () => (n === 0 ? once(1) : (agent.destroy(), resolve(out))));
        });
        req.on('error', reject);
        req.end(body);
      };
      once(0);
    });
    expect(statuses).toEqual([200, 401]);
  });
});
