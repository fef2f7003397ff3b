import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogueFormat } from '../../src/catalogue/index.ts';
import { loadCatalogueModel } from '../../src/model/index.ts';
import { normaliseSchema } from '../../src/schemas/index.ts';
import { createAjv } from '../../src/validators/ajv.ts';
import { ROOT, removeDir, runCli, tempDir } from '../helpers.ts';

const FIXTURES = join(ROOT, 'test/fixtures/openapi');
const fixture = (name: string) => join(FIXTURES, name);

let dir: string;
beforeAll(async () => {
  dir = await tempDir('apiconform-openapi-import-');
});
afterAll(async () => removeDir(dir));

describe('an OpenAPI document is a catalogue', () => {
  it('is recognised by extension and, for .json, by holding an object', async () => {
    expect(catalogueFormat(fixture('petstore.yaml'))).toBe('openapi');
    const asJson = join(dir, 'petstore.json');
    await writeFile(asJson, JSON.stringify({ openapi: '3.0.0', info: { title: 'T', version: '1' }, paths: {} }));
    expect(catalogueFormat(asJson)).toBe('openapi');
    const rows = join(dir, 'rows.json');
    await writeFile(rows, '[]');
    expect(catalogueFormat(rows)).toBe('json');
  });

  it('makes one endpoint per operation with its method, path and a filled-in sample path', async () => {
    const { model, problems } = await loadCatalogueModel(fixture('petstore-expanded.yaml'));
    expect(problems).toEqual([]);
    expect(model.apis).toHaveLength(1);
    const api = model.apis[0]!;
    expect(api.name).toBe('Swagger Petstore');
    const byName = new Map(api.endpoints.map((e) => [e.name, e]));
    expect([...byName.keys()].sort()).toEqual(['addPet', 'find pet by id', 'findPets']);
    // `id` has no example: an integer drawn from its schema (int64) with the fixed seed
    expect(byName.get('find pet by id')!.http).toEqual({ method: 'GET', path: '/pets/{id}', samplePath: expect.stringMatching(/^\/pets\/-?\d+$/), baseUrl: 'https://petstore.swagger.io/v2' });
    expect(byName.get('findPets')!.http).toEqual({ method: 'GET', path: '/pets', samplePath: '/pets', baseUrl: 'https://petstore.swagger.io/v2' });
    expect(byName.get('addPet')!.http?.method).toBe('POST');
    // `default` responses name no status; only 200 is left
    expect(byName.get('findPets')!.responses.map((r) => r.status)).toEqual([200]);
  });

  it('generates a body valid against the schema, with a fixed seed, when the document has no example', async () => {
    const first = await loadCatalogueModel(fixture('petstore-expanded.yaml'));
    const second = await loadCatalogueModel(fixture('petstore-expanded.yaml'));
    const example = first.model.apis[0]!.endpoints.find((e) => e.name === 'findPets')!.responses[0]!.examples[0]!;
    expect(example.generated).toBe(true);
    expect(example.summary).toBe('pet response'); // the response description is the label
    const validate = createAjv().compile(normaliseSchema(example.schema).schema as object);
    expect(validate(example.body)).toBe(true);
    expect(second.model.apis[0]!.endpoints.find((e) => e.name === 'findPets')!.responses[0]!.examples[0]!.body).toEqual(example.body);
  });

  it('takes examples from `examples` and keeps allOf inheritance through $defs', async () => {
    const { model } = await loadCatalogueModel(fixture('museum.yaml'));
    const endpoint = model.apis[0]!.endpoints.find((e) => e.http?.path === '/special-events/{eventId}' && e.http.method === 'GET')!;
    const ok = endpoint.responses.find((r) => r.status === 200)!;
    expect(ok.examples[0]!.generated).toBeUndefined();
    expect(ok.examples[0]!.body).toMatchObject({ name: expect.any(String) });
    const schema = normaliseSchema(ok.examples[0]!.schema).schema as Record<string, unknown>;
    expect(JSON.stringify(schema)).not.toContain('#/components/');
    expect(createAjv().compile(schema)(ok.examples[0]!.body)).toBe(true);
  });

  it('converts OpenAPI 3.0 `nullable` to a 2020-12 type list (real Twilio document)', async () => {
    const { model } = await loadCatalogueModel(fixture('twilio-lookups-v1.yaml'));
    const example = model.apis[0]!.endpoints[0]!.responses[0]!.examples[0]!;
    expect(JSON.stringify(example.schema)).toContain('"nullable":true');
    const normalised = JSON.stringify(normaliseSchema(example.schema).schema);
    expect(normalised).not.toContain('nullable');
    expect(normalised).toContain('"null"');
  });

  it('follows a $ref into a relative file and never fetches a remote one', async () => {
    let hits = 0;
    const server: Server = createServer((_req, res) => {
      hits++;
      res.end('{"type":"string"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const folder = join(dir, 'split');
      await mkdir(join(folder, 'schemas'), { recursive: true });
      await writeFile(join(folder, 'schemas/item.yaml'), 'type: object\nrequired: [id]\nproperties:\n  id: { type: integer }\n');
      await writeFile(
        join(folder, 'api.yaml'),
        [
          'openapi: 3.1.0',
          'info: { title: Split, version: "1" }',
          'paths:',
          '  /items/{id}:',
          '    get:',
          '      operationId: getItem',
          '      parameters: [{ name: id, in: path, required: true, schema: { type: integer }, example: 42 }]',
          '      responses:',
          '        "200":',
          '          description: an item',
          '          content:',
          '            application/json:',
          "              schema: { $ref: './schemas/item.yaml' }",
          '              example: { id: 7 }',
          '        "404":',
          '          description: not found',
          '          content:',
          '            application/problem+json:',
          `              schema: { $ref: 'http://127.0.0.1:${port}/remote.json' }`,
          '              example: { title: gone }',
        ].join('\n'),
      );
      const { model, problems } = await loadCatalogueModel(join(folder, 'api.yaml'));
      expect(problems).toEqual([]);
      const endpoint = model.apis[0]!.endpoints[0]!;
      expect(endpoint.http?.samplePath).toBe('/items/42');
      const ok = endpoint.responses.find((r) => r.status === 200)!.examples[0]!;
      expect(ok.schema).toMatchObject({ type: 'object', required: ['id'] });
      const gone = endpoint.responses.find((r) => r.status === 404)!.examples[0]!;
      expect(JSON.stringify(gone.schema)).toContain(`http://127.0.0.1:${port}/remote.json`); // kept, not resolved
      expect(normaliseSchema(gone.schema).problems.map((p) => p.ruleId)).toContain('schema/invalid');
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('rejects Swagger 2.0 with an input error naming the version (exit 2, no stack trace)', () => {
    const result = runCli(['build', fixture('swagger2-petstore-minimal.yaml'), '--out', join(dir, 'never')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Swagger 2.0');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('lets summary/status-mismatch read the response description as the label', async () => {
    const doc = join(dir, 'mislabelled.yaml');
    await writeFile(
      doc,
      [
        'openapi: 3.1.0',
        'info: { title: Mislabelled, version: "1" }',
        'paths:',
        '  /things:',
        '    get:',
        '      operationId: listThings',
        '      responses:',
        '        "200":',
        '          description: Not Found',
        '          content:',
        '            application/json:',
        '              schema: { type: object, properties: { error: { type: string } } }',
        '              example: { error: no such thing }',
      ].join('\n'),
    );
    const out = join(dir, 'lint-mislabelled');
    const result = runCli(['lint', doc, '--out', out, '--fail-on', 'never']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(join(out, 'findings.json'), 'utf8')));
    const finding = report.findings.find((f: { ruleId: string }) => f.ruleId === 'summary/status-mismatch');
    expect(finding?.message).toContain('"Not Found"');
  });

  it('rejects an invalid OpenAPI document with an input error (exit 2)', async () => {
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'openapi: 3.0.3\ninfo: { title: Bad }\npaths:\n  /x:\n    get:\n      responses: 7\n');
    const result = runCli(['lint', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a valid OpenAPI document');
  });
});
