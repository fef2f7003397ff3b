import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadBindings } from '../../src/contracts/bindings.ts';
import { loadPacts } from '../../src/verify/pact-sources.ts';
import { preparePacts } from '../../src/verify/prepare.ts';
import { writeContracts } from '../../src/contracts/index.ts';
import type { PactDocument } from '../../src/contracts/pact-file.ts';
import { loadCatalogueModel } from '../../src/model/index.ts';
import { verifyContracts } from '../../src/verify/index.ts';
import { ApiconformError } from '../../src/util/errors.ts';
import { BUNDLED_CATALOGUE, readTree, removeDir, tempDir } from '../helpers.ts';

const SECRET = 'sekret-123';
let dir: string;
let provider: Server;
let baseUrl: string;
let numLookupBody: unknown;
const seen: Array<{ method: string; url: string; key: string | undefined; body: string }> = [];
/** What the fake provider does: 'ok', or echo the key back in its answer (a leaky provider). */
let mode: 'ok' | 'echo' = 'ok';

/**
 * A stand-in for the real D7SMS: it serves the HLR lookup at its real path, only to callers that
 * present the key. The bindings map the catalogue's endpoint to it and take the key from the
 * environment.
 */
beforeAll(async () => {
  dir = await tempDir();
  const { model } = await loadCatalogueModel(BUNDLED_CATALOGUE);
  numLookupBody = model.apis.find((a) => a.slug === 'd7sms')!.endpoints.find((e) => e.slug === 'num-lookup')!.responses[0]!.examples[0]!.body;
  provider = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const key = req.headers['x-rapidapi-key'] as string | undefined;
      seen.push({ method: req.method!, url: req.url!, key, body });
      if (key !== SECRET) return res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Invalid API key' }));
      const answer = mode === 'echo' ? { ...(numLookupBody as object), network: 123, debug: `key was ${key}` } : numLookupBody;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  await writeFile(
    join(dir, 'bindings.yaml'),
    [
      'defaults:',
      '  timeoutMs: 5000',
      '  headers:',
      '    X-RapidAPI-Key: ${RAPIDAPI_KEY}',
      'apis:',
      '  d7sms:',
      `    baseUrl: ${baseUrl}`,
      '    endpoints:',
      '      num-lookup:',
      '        method: POST',
      '        path: /hlr/v1/lookup',
      '        body: { recipient: "+971509752655" }',
      '',
    ].join('\n'),
  );
}, 30_000);

afterAll(async () => {
  provider?.close();
  await removeDir(dir);
});

describe('verify a real provider with a bindings file', () => {
  it('writes contracts with the real method, path and body, and no header from the bindings', async () => {
    await writeContracts({ catalogue: BUNDLED_CATALOGUE, out: join(dir, 'contracts'), bindings: join(dir, 'bindings.yaml') });
    const pact = JSON.parse(await readFile(join(dir, 'contracts', 'apiconform-d7sms.json'), 'utf8')) as PactDocument;
    const lookup = pact.interactions.filter((i) => i.description.startsWith('d7sms/num-lookup '));
    expect(lookup.map((i) => [i.request.method, i.request.path, i.request.body?.content])).toEqual(
      Array(3).fill(['POST', '/hlr/v1/lookup', { recipient: '+971509752655' }]),
    );
    expect(JSON.stringify(pact)).not.toMatch(/rapidapi-key/i);
  }, 60_000);

  it('sends the key from the environment, verifies the 2xx interactions of bound endpoints, and writes, logs and reports no secret', async () => {
    seen.length = 0;
    const log: string[] = [];
    const result = await verifyContracts({
      catalogue: BUNDLED_CATALOGUE,
      pacts: [join(dir, 'contracts')],
      bindings: join(dir, 'bindings.yaml'),
      env: { RAPIDAPI_KEY: SECRET },
      log: (line) => log.push(line),
    });
    expect(result.target).toBe('provider');
    expect(result.interactions.filter((i) => i.verdict !== 'skipped').map((i) => [i.description, i.verdict])).toEqual([['d7sms/num-lookup returns 200 (example 0)', 'passed']]);
    expect(result.skipped).toBe(99);
    expect(result.interactions.find((i) => i.description === 'd7sms/num-lookup returns 402 (example 0)')?.reason).toMatch(/not 2xx/);
    expect(seen).toEqual([{ method: 'POST', url: '/hlr/v1/lookup', key: SECRET, body: JSON.stringify({ recipient: '+971509752655' }) }]);
    expect(log).toEqual([expect.stringMatching(/^#\d+ POST \/hlr\/v1\/lookup 200 \d+ms$/)]);
    const everything = [JSON.stringify(result), log.join('\n'), ...(await readTree(dir)).values()].join('\n');
    expect(everything).not.toContain(SECRET);
  }, 60_000);

  it('keeps the key out of the pact copies the verifier reads (the recording proxy adds it on the way out)', async () => {
    const scratch = join(dir, 'scratch');
    await mkdir(scratch);
    const { model } = await loadCatalogueModel(BUNDLED_CATALOGUE);
    const prepared = await preparePacts(await loadPacts([join(dir, 'contracts')]), {
      model,
      bindings: await loadBindings(join(dir, 'bindings.yaml')),
      statuses: '2xx',
      env: { RAPIDAPI_KEY: SECRET },
      dir: scratch,
    });
    expect(prepared.secrets).toEqual([SECRET]);
    expect(prepared.plan.find((p) => !p.skipped)?.target?.headers).toEqual({ 'X-RapidAPI-Key': SECRET });
    const copies = await readTree(scratch);
    expect(copies.size).toBe(1);
    expect([...copies.values()].join('\n')).not.toContain(SECRET);
  });

  it('redacts the key when a provider echoes it back into a failing answer', async () => {
    mode = 'echo';
    try {
      const result = await verifyContracts({ catalogue: BUNDLED_CATALOGUE, pacts: [join(dir, 'contracts')], bindings: join(dir, 'bindings.yaml'), env: { RAPIDAPI_KEY: SECRET } });
      expect(result.findings.map((f) => [f.ruleId, f.pointer])).toEqual([
        ['contract/type-mismatch', '/network'],
        ['contract/unexpected-field', '/debug'],
      ]);
      expect(JSON.stringify(result)).not.toContain(SECRET);
    } finally {
      mode = 'ok';
    }
  }, 60_000);

  it('fails with a status mismatch when the key is wrong', async () => {
    const result = await verifyContracts({ catalogue: BUNDLED_CATALOGUE, pacts: [join(dir, 'contracts')], bindings: join(dir, 'bindings.yaml'), env: { RAPIDAPI_KEY: 'wrong-key' } });
    expect(result.findings.map((f) => [f.ruleId, f.status, f.evidence])).toEqual([['contract/status-mismatch', 200, expect.objectContaining({ expected: 200, actual: 401 })]]);
  }, 60_000);

  it('still verifies the same contracts against the mock (requests go to the mock routes)', async () => {
    const result = await verifyContracts({ catalogue: BUNDLED_CATALOGUE, pacts: [join(dir, 'contracts')] });
    expect(result.target).toBe('mock');
    expect([result.passed, result.failed, result.pending]).toEqual([99, 0, 1]);
  }, 60_000);

  it('refuses to start without the variable, naming it', async () => {
    const error = await verifyContracts({ catalogue: BUNDLED_CATALOGUE, pacts: [join(dir, 'contracts')], bindings: join(dir, 'bindings.yaml'), env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiconformError);
    expect((error as ApiconformError).kind).toBe('config');
    expect((error as ApiconformError).message).toContain('needs the environment variable RAPIDAPI_KEY');
  });
});
