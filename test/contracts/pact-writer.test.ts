import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { contractsFor, writePacts, type ApiContract } from '../../src/contracts/index.ts';
import { parseBindings } from '../../src/contracts/bindings.ts';
import { loadCatalogueModel } from '../../src/model/index.ts';
import { BUNDLED_CATALOGUE, removeDir, tempDir } from '../helpers.ts';

const DSL_ORACLE = new URL('./oracle/dsl-writer-child.js', import.meta.url);

let dir: string;
let contracts: ApiContract[];

beforeAll(async () => {
  dir = await tempDir();
  const { model } = await loadCatalogueModel(BUNDLED_CATALOGUE);
  // Bindings give requests a method, a query and a JSON body, which the mock routes never have.
  const bindings = parseBindings(
    {
      apis: {
        d7sms: {
          baseUrl: 'http://127.0.0.1:9',
          endpoints: {
            'num-lookup': { method: 'POST', path: '/hlr/v1/lookup', query: { verbose: 'true', tag: ['a', 'b'] }, body: { recipient: '+971509752655', n: [1, 2] } },
          },
        },
      },
    },
    'bindings.yaml',
  );
  contracts = contractsFor(model, { bindings }).filter((c) => ['d7sms', 'enode-api', 'friendchatik', 'sms77io'].includes(c.provider));
}, 60_000);
afterAll(async () => removeDir(dir));

describe('writePacts', () => {
  it("writes the same files as Pact's consumer DSL with a mock server (bodies, matchers, queries, pending, references)", async () => {
    expect(contracts.length).toBe(4);
    expect(contracts.some((c) => c.interactions.some((i) => i.pending))).toBe(true);
    expect(contracts.some((c) => c.interactions.some((i) => i.request.body !== undefined && i.request.query !== undefined))).toBe(true);
    const direct = await writePacts(contracts, { consumer: 'apiconform', dir: join(dir, 'direct') });
    const dsl = await writePacts(contracts, { consumer: 'apiconform', dir: join(dir, 'dsl'), writer: DSL_ORACLE });
    expect([...direct.keys()].sort()).toEqual(contracts.map((c) => c.provider).sort());
    for (const contract of contracts) expect(direct.get(contract.provider), contract.provider).toBe(dsl.get(contract.provider));
  }, 120_000);
});
