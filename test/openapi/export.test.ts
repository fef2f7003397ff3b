import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from '../../src/build/index.ts';
import { loadCatalogueModel } from '../../src/model/index.ts';
import { defaultResponseOf } from '../../src/serve/index.ts';
import { exportOpenApi, PLACEHOLDER_EXTENSION } from '../../src/openapi/index.ts';
import type { CatalogueModel } from '../../src/model/types.ts';
import { BUNDLED_CATALOGUE, ROOT, readTree, removeDir, runCli, tempDir } from '../helpers.ts';

const BIN = join(ROOT, 'node_modules/.bin');
let dir: string;
let model: CatalogueModel;
beforeAll(async () => {
  dir = await tempDir('apiconform-openapi-export-');
  model = (await loadCatalogueModel(BUNDLED_CATALOGUE)).model;
  const result = runCli(['openapi', '--out', join(dir, 'openapi')]);
  expect(result.code, result.stderr).toBe(0);
});
afterAll(async () => removeDir(dir));

const exported = async (slug: string) => JSON.parse(await readFile(join(dir, 'openapi', `${slug}.openapi.json`), 'utf8')) as Record<string, any>;

describe('apiconform openapi', () => {
  it('writes one OpenAPI 3.1 document per API, the same bytes each time', async () => {
    const files = [...(await readTree(join(dir, 'openapi'))).keys()];
    expect(files).toEqual(model.apis.map((a) => `${a.slug}.openapi.json`).sort());
    const again = exportOpenApi(model).map((d) => `${JSON.stringify(d.document, null, 2)}\n`);
    const tree = await readTree(join(dir, 'openapi'));
    expect(exportOpenApi(model).map((d) => tree.get(d.file))).toEqual(again);
    const d7sms = await exported('d7sms');
    expect(d7sms.openapi).toBe('3.1.0');
  });

  it('marks made-up methods and paths, and carries every status with its schema and examples', async () => {
    const d7sms = await exported('d7sms');
    const operation = d7sms.paths['/d7sms/send-viber-message'].get;
    expect(operation[PLACEHOLDER_EXTENSION]).toBe(true);
    const endpoint = model.apis.find((a) => a.slug === 'd7sms')!.endpoints.find((e) => e.slug === 'send-viber-message')!;
    expect(Object.keys(operation.responses).map(Number)).toEqual(endpoint.responses.map((r) => r.status));
    const r402 = operation.responses['402'].content['application/json'];
    expect(r402.examples.example0.value).toEqual(endpoint.responses.find((r) => r.status === 402)!.examples[0]!.body);
    expect(r402.schema.$ref).toMatch(/^#\/components\/schemas\//);
  });

  it('shares one component between responses whose schemas are equal', async () => {
    const d7sms = await exported('d7sms');
    const refs: string[] = JSON.stringify(d7sms.paths).match(/#\/components\/schemas\/[^"]+/g) ?? [];
    expect(new Set(refs).size).toBe(Object.keys(d7sms.components.schemas).length);
    expect(refs.length).toBeGreaterThan(new Set(refs).size);
  });

  it('uses real methods and paths from a bindings file', async () => {
    const bindings = join(dir, 'bindings.yaml');
    await import('node:fs/promises').then((fs) => fs.writeFile(bindings, 'apis:\n  d7sms:\n    baseUrl: https://d7sms.example.test\n    endpoints:\n      num-lookup: { method: POST, path: /hlr/v1/lookup }\n'));
    const result = runCli(['openapi', '--bindings', bindings, '--out', join(dir, 'bound')]);
    expect(result.code, result.stderr).toBe(0);
    const d7sms = JSON.parse(await readFile(join(dir, 'bound/d7sms.openapi.json'), 'utf8'));
    expect(d7sms.paths['/hlr/v1/lookup'].post[PLACEHOLDER_EXTENSION]).toBeUndefined();
    expect(d7sms.servers[0].url).toBe('https://d7sms.example.test');
  });

  it('is lint-clean under Redocly CLI recommended rules (0 errors)', () => {
    const files = model.apis.map((a) => join(dir, 'openapi', `${a.slug}.openapi.json`));
    const result = spawnSync(join(BIN, 'redocly'), ['lint', '--extends', 'recommended', '--format', 'summary', ...files], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(0);
    expect(output).not.toMatch(/\berror\b.*\(\d+\)/i);
  }, 180_000);

  it('round trip: the exported documents, read back, build the same schemas and types as the catalogue', async () => {
    const generated = await readTree(join(ROOT, 'generated'));
    for (const api of model.apis) {
      const out = join(dir, 'roundtrip', api.slug);
      await build({ catalogue: join(dir, 'openapi', `${api.slug}.openapi.json`), out, root: dir });
      const rebuilt = await readTree(out);
      for (const kind of ['schemas', 'types']) {
        const prefix = `${kind}/${api.slug}/`;
        const want = [...generated].filter(([file]) => file.startsWith(prefix));
        const got = [...rebuilt].filter(([file]) => file.startsWith(prefix));
        expect(want.length).toBeGreaterThan(0);
        expect(got).toEqual(want);
      }
    }
  }, 300_000);

  it('Prism serves the export and answers with the catalogue example', async () => {
    const port = await freePort();
    const prism = spawn(join(BIN, 'prism'), ['mock', '-h', '127.0.0.1', '-p', String(port), join(dir, 'openapi', 'd7sms.openapi.json')], { stdio: 'ignore', detached: false });
    try {
      const deadline = Date.now() + 90_000;
      let response: Response | undefined;
      while (Date.now() < deadline) {
        try {
          response = await fetch(`http://127.0.0.1:${port}/d7sms/num-lookup`, { signal: AbortSignal.timeout(5_000) });
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
      expect(response, 'Prism did not start within 90 s').toBeDefined();
      const endpoint = model.apis.find((a) => a.slug === 'd7sms')!.endpoints.find((e) => e.slug === 'num-lookup')!;
      const expected = defaultResponseOf(endpoint)!;
      expect(response!.status).toBe(expected.status);
      expect(await response!.json()).toEqual(expected.examples[0]!.body);
    } finally {
      prism.kill('SIGTERM');
    }
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
