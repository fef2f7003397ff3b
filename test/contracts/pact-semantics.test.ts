import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { ApiContract, ContractInteraction } from '../../src/contracts/interactions.ts';
import { DATE_TIME_REGEX, UUID_REGEX } from '../../src/contracts/matchers.ts';
import { satisfies, type MatcherNode } from '../../src/contracts/matcher-tree.ts';
import { writePacts } from '../../src/contracts/pact-writer.ts';
import { runVerifier } from '../../src/verify/run-verifier.ts';
import { removeDir, tempDir } from '../helpers.ts';

/**
 * `satisfies` is apiconform's model of Pact's matching (it proves that a contract accepts its
 * own example). This checks the model against the real thing: every case is written as a pact
 * through the consumer API and verified by Pact's verifier against a server answering `value`;
 * Pact's verdict must equal `satisfies(node, value)`.
 */
const CASES: Array<[string, MatcherNode, unknown]> = [
  ['type string vs string', { kind: 'type', example: 'x' }, 'other'],
  ['type string vs number', { kind: 'type', example: 'x' }, 3],
  ['type number vs integer', { kind: 'type', example: 1.5 }, 2],
  ['number vs integer', { kind: 'number', example: 1.5 }, 2],
  ['number vs string', { kind: 'number', example: 1.5 }, '2'],
  ['integer vs decimal', { kind: 'integer', example: 1 }, 1.5],
  ['boolean vs string', { kind: 'boolean', example: true }, 'true'],
  ['null vs 0', { kind: 'null' }, 0],
  ['date-time regex, fraction and offset', { kind: 'regex', regex: DATE_TIME_REGEX, example: '2020-01-01T00:00:00Z', reason: 'date-time' }, '2021-05-06T07:08:09.123+02:00'],
  ['date-time regex vs a date', { kind: 'regex', regex: DATE_TIME_REGEX, example: '2020-01-01T00:00:00Z', reason: 'date-time' }, '2021-05-06'],
  ['uuid upper case', { kind: 'regex', regex: UUID_REGEX, example: '8d90101b-3f2f-462a-bbb4-1ed320d33bbe', reason: 'uuid' }, '8D90101B-3F2F-462A-BBB4-1ED320D33BBE'],
  ['unanchored pattern inside a longer string', { kind: 'regex', regex: '[\\s\\S]*(?:\\d{2}:\\d{2})[\\s\\S]*', example: '08:00', reason: 'pattern' }, 'at 12:30\nsharp'],
  ['enum alternation vs another member', { kind: 'regex', regex: '(A\\.B|C)', example: 'C', reason: 'enum' }, 'A.B'],
  ['enum alternation vs a near miss', { kind: 'regex', regex: '(A\\.B|C)', example: 'C', reason: 'enum' }, 'AxB'],
  ['date vs month 13', { kind: 'date', example: '2020-01-01' }, '2020-13-01'],
  ['date vs valid', { kind: 'date', example: '2020-01-01' }, '2024-02-29'],
  ['equal vs other', { kind: 'equal', example: 'vehicle' }, 'hvac'],
  ['object with an extra key', { kind: 'object', properties: { a: { kind: 'integer', example: 1 } } }, { a: 2, b: 'extra' }],
  ['object missing a key', { kind: 'object', properties: { a: { kind: 'integer', example: 1 } } }, { b: 1 }],
  ['object vs array', { kind: 'object', properties: {} }, [1]],
  ['array min 0 vs empty', { kind: 'array', template: { kind: 'integer', example: 1 }, min: 0 }, []],
  ['array min 2 vs one item', { kind: 'array', template: { kind: 'integer', example: 1 }, min: 2 }, [1]],
  ['array max 2 vs three items', { kind: 'array', template: { kind: 'integer', example: 1 }, min: 0, max: 2 }, [1, 2, 3]],
  ['array template vs a bad item', { kind: 'array', template: { kind: 'object', properties: { id: { kind: 'type', example: 'x' } } }, min: 0 }, [{ id: 'a' }, { id: 1 }]],
  ['any array vs items of any shape', { kind: 'any-array' }, [1, 'x', { a: null }]],
];

let dir: string;
let server: Server;
let verdicts: Map<number, boolean>;

beforeAll(async () => {
  dir = await tempDir();
  const interactions = CASES.map(([name, node], index): ContractInteraction => ({
    api: 'semantics',
    endpoint: `case-${index}`,
    status: 200,
    example: 0,
    rowId: `row-${index}`,
    source: { file: 'test', line: index },
    description: `#${index + 1} ${name}`,
    providerState: { name: 'status 200', params: { api: 'semantics', endpoint: `case-${index}`, status: 200, example: 0 } },
    request: { method: 'GET', path: `/case/${index}`, headers: {} },
    response: { status: 200, body: { kind: 'object', properties: { v: node } } },
    pending: false,
    comment: name,
    schemaRef: '',
    notes: [],
  }));
  const contract = { api: {} as ApiContract['api'], provider: 'semantics', interactions };
  const texts = await writePacts([contract], { consumer: 'apiconform', dir });
  const file = join(dir, 'verify.json');
  await writeFile(file, texts.get('semantics')!);

  server = createServer((req, res) => {
    const index = Number(req.url!.split('/').pop());
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ v: CASES[index]![2] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const json = await runVerifier({ pactFiles: [file], providerBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 5000, deadlineMs: 60_000 });
  const failed = new Set((json.errors ?? []).map((e) => Number(/#(\d+) /.exec(e.interaction)![1]) - 1));
  verdicts = new Map(CASES.map((_, index) => [index, !failed.has(index)]));
}, 60_000);

afterAll(async () => {
  server?.close();
  await removeDir(dir);
});

describe('satisfies agrees with Pact\'s verifier', () => {
  it.each(CASES.map(([name, node, value], index) => [name, node, value, index] as const))('%s', (_name, node, value, index) => {
    expect(verdicts.get(index)).toBe(satisfies(node, value));
  });

  it('covers both outcomes', () => {
    expect(new Set(verdicts.values())).toEqual(new Set([true, false]));
  });
});
