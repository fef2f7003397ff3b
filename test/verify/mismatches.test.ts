import { describe, expect, it } from 'vitest';
import type { Api, Endpoint, Example } from '../../src/model/types.ts';
import { isRequired, pactPathToPointer, verificationOutcome } from '../../src/verify/mismatches.ts';
import type { PlannedInteraction } from '../../src/verify/prepare.ts';
import type { Recording } from '../../src/verify/recording-proxy.ts';
import type { VerifierJson } from '../../src/verify/run-verifier.ts';
import { unexpectedFields } from '../../src/verify/unexpected-fields.ts';

describe('pactPathToPointer', () => {
  it.each([
    ['$', ''],
    ['$.detail', '/detail'],
    ['$.detail[0].msg', '/detail/0/msg'],
    ["$['key with.dot'].x", '/key with.dot/x'],
    ['$.a/b', '/a~1b'],
    ['$[2]', '/2'],
    ['detail', undefined],
  ])('%s → %s', (path, pointer) => {
    expect(pactPathToPointer(path)).toBe(pointer);
  });
});

const SCHEMA = {
  type: 'object',
  required: ['detail'],
  properties: {
    detail: { type: 'array', items: { type: 'object', required: ['msg'], properties: { msg: { type: 'string' }, loc: { type: 'array' } } } },
    note: { type: 'string' },
  },
};

describe('isRequired', () => {
  it('follows properties and items to the object that holds the key', () => {
    expect(isRequired(SCHEMA, '', 'detail')).toBe(true);
    expect(isRequired(SCHEMA, '', 'note')).toBe(false);
    expect(isRequired(SCHEMA, '/detail/3', 'msg')).toBe(true);
    expect(isRequired(SCHEMA, '/detail/3', 'loc')).toBe(false);
    expect(isRequired({ anyOf: [{ required: ['a'] }, { required: ['a', 'b'] }] }, '', 'a')).toBe(true);
    expect(isRequired({ anyOf: [{ required: ['a'] }, { required: ['a', 'b'] }] }, '', 'b')).toBe(false);
  });
});

describe('unexpectedFields', () => {
  it('names fields the schema does not describe, and none it allows', () => {
    expect(unexpectedFields(SCHEMA, { detail: [{ msg: 'x', extra: 1 }], added: true })).toEqual(['/added', '/detail/0/extra']);
    expect(unexpectedFields({ type: 'object', properties: { a: {} }, additionalProperties: true }, { a: 1, b: 2 })).toEqual([]);
    expect(unexpectedFields({ type: 'object', additionalProperties: { type: 'object', properties: { x: {} } } }, { k: { x: 1, y: 2 } })).toEqual(['/k/y']);
  });
});

const example = { rowId: 'api/ep/0/0', body: { detail: [{ msg: 'm', loc: [] }], note: 'n' }, schema: SCHEMA, source: { file: 'c.csv', line: 7 } } as unknown as Example;
const entry = (id: number, extra: Partial<PlannedInteraction> = {}): PlannedInteraction => ({
  id,
  description: `api/ep returns 422 (example 0)`,
  provider: 'api',
  pactFile: 'p.json',
  api: 'api',
  endpoint: 'ep',
  status: 422,
  example: 0,
  rowId: 'api/ep/0/0',
  pending: false,
  target: { baseUrl: 'http://127.0.0.1:1', headers: {} },
  source: { file: 'c.csv', line: 7, rowId: 'api/ep/0/0' },
  catalogue: { api: { slug: 'api' } as Api, endpoint: { slug: 'ep' } as Endpoint, example },
  ...extra,
});
const json = (errors: VerifierJson['errors']): VerifierJson => ({ result: false, errors });
const at = (id: number) => `Verifying a pact between apiconform and api Given status 422 - #${id} api/ep returns 422 (example 0)`;

describe('verificationOutcome', () => {
  it('grades a missing key by the schema: required is an error, optional a warning', () => {
    const result = verificationOutcome(
      [entry(1)],
      json([{ interaction: at(1), mismatch: { type: 'mismatches', mismatches: [{ type: 'BodyMismatch', path: '$', mismatch: 'Actual map is missing the following keys: detail, note', expected: '["detail","note"]', actual: '[]' }] } }]),
      new Map([[1, { status: 422, contentType: 'application/json', body: '{}', durationMs: 3 }]]),
    );
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.pointer])).toEqual([
      ['contract/missing-field', 'error', '/detail'],
      ['contract/missing-optional-field', 'warning', '/note'],
    ]);
    expect(result.findings[0]).toMatchObject({ api: 'api', endpoint: 'ep', status: 422, example: 0, source: { file: 'c.csv', line: 7, rowId: 'api/ep/0/0' } });
    expect(result.verdicts).toEqual([expect.objectContaining({ verdict: 'failed', durationMs: 3 })]);
  });

  it('tells a type change from a value that breaks its format', () => {
    const result = verificationOutcome(
      [entry(1)],
      json([
        {
          interaction: at(1),
          mismatch: {
            type: 'mismatches',
            mismatches: [
              { type: 'BodyMismatch', path: '$.detail[0].msg', mismatch: "Expected 6 (Integer) to be the same type as 'm' (String)", expected: '"m"', actual: '6' },
              { type: 'BodyMismatch', path: '$.note', mismatch: "Expected 'x' to match '(a|b)'", expected: '"a"', actual: '"x"' },
              { type: 'BodyMismatch', path: '$.count', mismatch: 'Expected 1.5 (Decimal) to be an integer', expected: '1', actual: '1.5' },
            ],
          },
        },
      ]),
      new Map(),
    );
    expect(result.findings.map((f) => [f.ruleId, f.pointer, f.evidence])).toEqual([
      ['contract/type-mismatch', '/detail/0/msg', { expected: 'm', actual: 6 }],
      ['contract/body-mismatch', '/note', { expected: 'a', actual: 'x' }],
      ['contract/type-mismatch', '/count', { expected: 1, actual: 1.5 }],
    ]);
  });

  it('takes a timeout or an unreachable provider from the recording, not from the 504 the verifier saw', () => {
    const recordings = new Map<number, Recording>([
      [1, { durationMs: 400, failure: { kind: 'timeout', message: 'no answer within 400 ms' } }],
      [2, { durationMs: 1, failure: { kind: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:1' } }],
    ]);
    const status504 = (id: number) => ({ interaction: at(id), mismatch: { type: 'mismatches' as const, mismatches: [{ type: 'StatusMismatch', mismatch: 'expected 422 but was 504', expected: 422, actual: 504 }] } });
    const result = verificationOutcome([entry(1), entry(2)], json([status504(1), status504(2)]), recordings);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['contract/timeout', 'contract/unreachable']);
  });

  it('calls a JSON content type over a body that does not parse non-JSON', () => {
    const result = verificationOutcome(
      [entry(1)],
      json([{ interaction: at(1), mismatch: { type: 'mismatches', mismatches: [{ type: 'BodyMismatch', path: '$', mismatch: 'Failed to parse the actual body', expected: '{}', actual: '' }] } }]),
      new Map([[1, { status: 422, contentType: 'application/json', body: '{"detail": [', durationMs: 2 }]]),
    );
    expect(result.findings.map((f) => [f.ruleId, f.pointer, f.evidence])).toEqual([['contract/unexpected-non-json', '', { contentType: 'application/json', body: '{"detail": [' }]]);
  });

  it('never loses a failure it cannot place, and keeps skipped and pending apart', () => {
    const result = verificationOutcome(
      [entry(1), entry(2, { skipped: 'not bound' }), entry(3, { pending: true })],
      { result: false, errors: [{ interaction: at(1), mismatch: { type: 'mismatches', mismatches: [] } }], pendingErrors: [{ interaction: at(3), mismatch: { type: 'error', message: 'x' } }] },
      new Map(),
    );
    expect(result.findings.map((f) => f.ruleId)).toEqual(['contract/body-mismatch']);
    expect(result.verdicts.map((v) => v.verdict)).toEqual(['failed', 'skipped', 'pending']);
    expect(result.verdicts[1]!.reason).toBe('not bound');
  });
});
