import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCatalogueModel } from '../../src/model/index.ts';
import { defaultResponseOf, startMockServer } from '../../src/serve/index.ts';
import { resolveConfig } from '../../src/config/index.ts';
import { runDrift } from '../../src/run/index.ts';
import type { Finding } from '../../src/findings/types.ts';
import { ROOT, removeDir, runCli, tempDir } from '../helpers.ts';

const FIXTURES = join(ROOT, 'test/fixtures/openapi');

/**
 * Real public OpenAPI documents (see test/fixtures/openapi/README.md), each run through `all`
 * (build, lint, validate, contracts, verify against the mock), the mock provider on the
 * documents' own methods and paths, drift against it with only a base URL, and `diff`.
 */
const DOCUMENTS: { file: string; endpoints: number; expect: (findings: Finding[]) => void }[] = [
  {
    file: 'petstore.yaml',
    endpoints: 2,
    expect: (f) => {
      expect(errorsAndWarnings(f)).toEqual([]);
      // Pet's `tag` is optional; the generated example has it, so the contract expects it
      const strict = f.filter((x) => x.ruleId === 'property/contract-too-strict');
      expect(strict.length).toBeGreaterThan(0);
      expect(strict.some((x) => (x.evidence as { at: string }).at.endsWith('/tag'))).toBe(true);
    },
  },
  { file: 'petstore-expanded.yaml', endpoints: 3, expect: (f) => expect(errorsAndWarnings(f)).toEqual([]) },
  { file: 'tictactoe.yaml', endpoints: 3, expect: (f) => expect(errorsAndWarnings(f)).toEqual([]) },
  {
    file: 'museum.yaml',
    endpoints: 8,
    // DELETE /special-events/{eventId} answers 204 without a body and GET /tickets/{ticketId}/qr an
    // image: no JSON success response to import, so the lint rule reports the error statuses alone
    expect: (f) => expect(errorsAndWarnings(f)).toEqual(['endpoint/no-success-response', 'endpoint/no-success-response']),
  },
  { file: 'twilio-messaging-v3.yaml', endpoints: 1, expect: (f) => expect(errorsAndWarnings(f)).toEqual([]) },
  {
    file: 'twilio-lookups-v1.yaml',
    endpoints: 1,
    // `x-twilio` extensions and `nullable` in every property: dropped or converted, and said so
    expect: (f) => {
      expect(errorsAndWarnings(f)).toEqual([]);
      expect(f.filter((x) => x.ruleId === 'schema/normalised').length).toBeGreaterThan(0);
    },
  },
];

/**
 * Errors and warnings, less `property/contract-too-strict`: a contract expects every field its
 * example shows (here the documents' examples, or bodies generated with their optional fields),
 * so a provider leaving an optional one out would fail verification. That is true of most
 * documents with optional fields and is checked on its own below.
 */
const errorsAndWarnings = (findings: Finding[]) =>
  findings.filter((f) => f.severity !== 'info' && f.ruleId !== 'property/contract-too-strict').map((f) => f.ruleId).sort();

let dir: string;
beforeAll(async () => {
  dir = await tempDir('apiconform-openapi-real-');
});
afterAll(async () => removeDir(dir));

describe.each(DOCUMENTS)('real document $file', ({ file, endpoints, expect: expectFindings }) => {
  it('runs build, lint, validate, contracts and verify (apiconform all)', async () => {
    const cwd = join(dir, file.replace(/\W/g, '-'));
    await import('node:fs/promises').then((fs) => fs.mkdir(cwd, { recursive: true }));
    await copyFile(join(FIXTURES, file), join(cwd, file));
    const result = runCli(['all', file, '--fail-on', 'never'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('verifying contracts against the mock provider');
    const report = JSON.parse(await readFile(join(cwd, 'reports/all/findings.json'), 'utf8')) as { findings: Finding[] };
    expect(report.findings.filter((f) => f.ruleId.startsWith('contract/') && f.severity === 'error')).toEqual([]);
    expectFindings(report.findings);
    const pact = await readFile(join(cwd, 'contracts', (await import('node:fs/promises').then((fs) => fs.readdir(join(cwd, 'contracts'))))[0]!), 'utf8');
    const { model } = await loadCatalogueModel(join(FIXTURES, file));
    // the contracts call the document's own paths, not the mock's /<api>/<endpoint> routes
    for (const endpoint of model.apis[0]!.endpoints) expect(pact).toContain(`"path": "${endpoint.http!.samplePath}"`);
  }, 240_000);

  it('is served by the mock at its own methods and paths, and drift needs only a base URL', async () => {
    const { model } = await loadCatalogueModel(join(FIXTURES, file));
    expect(model.apis[0]!.endpoints).toHaveLength(endpoints);
    const server = await startMockServer({ model, port: 0 });
    try {
      expect(server.host).toBe('127.0.0.1');
      for (const endpoint of model.apis[0]!.endpoints) {
        const response = await fetch(`${server.url}${endpoint.http!.samplePath}`, { method: endpoint.http!.method });
        const expected = defaultResponseOf(endpoint)!;
        expect(response.status, `${endpoint.http!.method} ${endpoint.http!.samplePath}`).toBe(expected.status);
        expect(await response.json()).toEqual(expected.examples[0]!.body);
      }
      const config = resolveConfig(undefined, { catalogue: join(FIXTURES, file), failOn: 'error' });
      const drift = await runDrift({ config, baseUrl: server.url, root: ROOT });
      expect(drift.unbound).toBe(0);
      expect(drift.results).toHaveLength(endpoints);
      expect(drift.findings.filter((f) => f.severity === 'error')).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('diff on two OpenAPI versions', () => {
  it('reads both (a real pair: Twilio Messaging v3 from December 2025 and April 2026)', async () => {
    const out = join(dir, 'diff-real');
    const result = runCli(['diff', join(FIXTURES, 'twilio-messaging-v3.2025-12.yaml'), join(FIXTURES, 'twilio-messaging-v3.yaml'), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')) as { findings: Finding[] };
    expect(report.findings.map((f) => f.ruleId)).toEqual(['diff/endpoint-added']);
    expect(report.findings[0]!.message).toContain('CreateV3TypingIndicator');
  }, 120_000);

  it('fails on a breaking response change (a required property dropped from the pet schema)', async () => {
    const before = await readFile(join(FIXTURES, 'petstore-expanded.yaml'), 'utf8');
    const after = before.replace(/\n      required:\n        - name\n/, '\n');
    expect(after).not.toBe(before);
    const changed = join(dir, 'petstore-expanded-next.yaml');
    await writeFile(changed, after);
    const out = join(dir, 'diff-breaking');
    const result = runCli(['diff', join(FIXTURES, 'petstore-expanded.yaml'), changed, '--out', out]);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')) as { findings: Finding[] };
    expect(report.findings.some((f) => f.severity === 'error' && f.ruleId.startsWith('diff/'))).toBe(true);
  }, 120_000);

  it('says in its help that only responses are compared, and points to oasdiff', () => {
    const result = runCli(['diff', '--help']);
    expect(result.stdout).toContain('responses only');
    expect(result.stdout).toContain('oasdiff');
  });
});
