import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeContracts, type WriteContractsResult } from '../../src/contracts/index.ts';
import type { PactDocument } from '../../src/contracts/pact-file.ts';
import { BUNDLED_CATALOGUE, ROOT, readTree, removeDir, tempDir } from '../helpers.ts';

let dir: string;
let first: WriteContractsResult;
let firstTree: Map<string, string>;

beforeAll(async () => {
  dir = await tempDir();
  first = await writeContracts({ catalogue: BUNDLED_CATALOGUE, out: join(dir, 'a') });
  firstTree = await readTree(join(dir, 'a'));
}, 60_000);
afterAll(async () => removeDir(dir));

const pactOf = (name: string) => JSON.parse(firstTree.get(name)!) as PactDocument;

describe('contracts for the bundled catalogue', () => {
  it('writes one Pact V4 file per API and one interaction per endpoint × status × example', () => {
    expect(first.files).toHaveLength(16);
    expect([...firstTree.keys()]).toEqual(first.files);
    expect(first.files.every((f) => /^apiconform-[a-z0-9-]+\.json$/.test(f))).toBe(true);
    expect(first.interactions).toBe(100);
    const pacts = first.files.map(pactOf);
    expect(pacts.reduce((n, p) => n + p.interactions.length, 0)).toBe(100);
    for (const pact of pacts) {
      expect(pact.consumer.name).toBe('apiconform');
      expect((pact.metadata as { pactSpecification: { version: string } }).pactSpecification.version).toBe('4.0');
    }
  });

  it('points every interaction back to its catalogue row and names the status in its provider state', () => {
    const rowIds = new Set<string>();
    for (const pact of first.files.map(pactOf)) {
      for (const interaction of pact.interactions) {
        const rowId = interaction.comments?.references?.catalogue?.rowId;
        expect(rowId).toMatch(/^[0-9a-f-]{36}\/[0-9a-f-]{36}\/\d+\/\d+$/);
        rowIds.add(rowId!);
        expect(interaction.providerStates?.[0]?.name).toBe(`status ${interaction.response.status}`);
      }
    }
    expect(rowIds.size).toBe(100);
  });

  it('asks the mock route for exactly the status and example (Prefer), and expects JSON', () => {
    const d7 = pactOf('apiconform-d7sms.json');
    const resend = d7.interactions.filter((i) => i.request.path === '/d7sms/resend-otp');
    expect(resend.map((i) => i.request.headers?.Prefer?.[0])).toEqual(['code=200, example=0', 'code=400, example=0', 'code=400, example=1', 'code=422, example=0']);
    expect(resend.map((i) => i.response.status)).toEqual([200, 400, 400, 422]);
    expect(resend.every((i) => i.request.method === 'GET')).toBe(true);
  });

  it('infers matchers from the schema and pins no volatile value', () => {
    const numLookup = pactOf('apiconform-d7sms.json').interactions.find((i) => i.description === 'd7sms/num-lookup returns 200 (example 0)')!;
    const rules = (numLookup.response.matchingRules as { body: Record<string, { matchers: Array<{ match: string }> }> }).body;
    expect(rules['$.mcc']!.matchers[0]!.match).toBe('integer');
    expect(rules['$.network']!.matchers[0]!.match).toBe('type');
    expect(rules['$.ported']!.matchers[0]!.match).toBe('type'); // boolean(): Pact's boolean is a type match
    // Every leaf of every body has a rule, and only const/one-member enums use equality.
    for (const pact of first.files.map(pactOf)) {
      for (const interaction of pact.interactions) {
        const body = (interaction.response.matchingRules as { body?: Record<string, { matchers: Array<{ match: string }> }> } | undefined)?.body ?? {};
        for (const [path, rule] of Object.entries(body)) {
          if (rule.matchers.some((m) => m.match === 'equality')) expect(path, interaction.description).toMatch(/targetType|kind|holdType|state|finalState|failureCondition|category/);
        }
      }
    }
    const enodeIds = pactOf('apiconform-enode-api.json').interactions.find((i) => i.description === 'enode-api/get-charginglocations returns 200 (example 0)')!;
    const idRule = (enodeIds.response.matchingRules as { body: Record<string, { matchers: Array<{ match: string; regex?: string }> }> }).body['$[*].id']!;
    expect(idRule.matchers[0]).toMatchObject({ match: 'regex' });
  });

  it('keeps the status-130 interaction as pending and reports it', () => {
    const friend = pactOf('apiconform-friendchatik.json');
    expect(friend.interactions).toHaveLength(1);
    expect(friend.interactions[0]!.response.status).toBe(130);
    expect(friend.interactions[0]!.pending).toBe(true);
    expect(first.pending).toBe(1);
    expect(first.findings.filter((f) => f.ruleId === 'contract/unservable-status')).toEqual([
      expect.objectContaining({ api: 'friendchatik', status: 130, severity: 'warning' }),
    ]);
  });

  it('reports where a contract checks less than the schema (weak matchers), with pointers', () => {
    const weak = first.findings.filter((f) => f.ruleId === 'contract/weak-matcher');
    expect(weak.length).toBeGreaterThan(0);
    expect(weak.every((f) => f.severity === 'info' && typeof f.pointer === 'string' && f.source?.rowId)).toBe(true);
    expect(weak).toContainEqual(expect.objectContaining({ api: 'enode-api', endpoint: 'get-schedule-status', pointer: '/changedAt' }));
  });

  it('regenerates byte-identical files', async () => {
    await writeContracts({ catalogue: BUNDLED_CATALOGUE, out: join(dir, 'b') });
    expect(await readTree(join(dir, 'b'))).toEqual(firstTree);
  }, 60_000);

  it('matches the committed contracts/ folder', async () => {
    expect(await readTree(join(ROOT, 'contracts'))).toEqual(firstTree);
  });

  it('lets two runs into the same folder finish without clobbering each other', async () => {
    const out = join(dir, 'parallel');
    await Promise.all([writeContracts({ catalogue: BUNDLED_CATALOGUE, out }), writeContracts({ catalogue: BUNDLED_CATALOGUE, out })]);
    expect(await readTree(out)).toEqual(firstTree);
    expect((await readdir(out)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('removes pact files of APIs that left the catalogue, and only its own', async () => {
    const out = join(dir, 'a');
    const stale = { consumer: { name: 'apiconform' }, provider: { name: 'gone' }, interactions: [], metadata: {} };
    await writeFile(join(out, 'apiconform-gone.json'), JSON.stringify(stale));
    await writeFile(join(out, 'apiconform-not-a-pact.json'), 'hand-written, keep me');
    await writeFile(join(out, 'other-consumer.json'), JSON.stringify({ ...stale, consumer: { name: 'other' } }));
    const again = await writeContracts({ catalogue: BUNDLED_CATALOGUE, out });
    expect(again.removed).toEqual(['apiconform-gone.json']);
    expect(await readFile(join(out, 'apiconform-not-a-pact.json'), 'utf8')).toBe('hand-written, keep me');
    expect((await readdir(out)).sort()).toContain('other-consumer.json');
  }, 60_000);
});

describe('contracts kept by content', () => {
  it('writes only the pact files whose contract changed (or whose file was touched), and the tree stays what a clean run writes', async () => {
    const { copyFile } = await import('node:fs/promises');
    const work = await tempDir();
    try {
      const catalogue = join(work, 'catalogue.csv');
      await copyFile(BUNDLED_CATALOGUE, catalogue);
      const cacheDir = join(work, 'cache');
      const out = join(work, 'contracts');
      const cold = await writeContracts({ catalogue, out, cacheDir });
      expect(cold.written).toBe(16);
      const warm = await writeContracts({ catalogue, out, cacheDir });
      expect(warm.written).toBe(0);
      expect(warm.files).toEqual(cold.files);
      // a file edited by hand is written again
      await writeFile(join(out, 'apiconform-d7sms.json'), '{}');
      expect((await writeContracts({ catalogue, out, cacheDir })).written).toBe(1);
      // one row of one API changes: that API's pact alone
      const text = await readFile(catalogue, 'utf8');
      await writeFile(catalogue, text.replace('Message deleted successfully', 'Message deleted'));
      const changed = await writeContracts({ catalogue, out, cacheDir });
      expect(changed.written).toBe(1);
      const clean = join(work, 'clean');
      await writeContracts({ catalogue, out: clean });
      expect(await readTree(out)).toEqual(await readTree(clean));
    } finally {
      await removeDir(work);
    }
  }, 120_000);
});
