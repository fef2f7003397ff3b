import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyMutation, changeType, loadMutations, NON_JSON_BODY, parseMutations } from '../../src/serve/mutations.ts';
import { buildRoutes, type RouteTable } from '../../src/serve/routes.ts';
import { loadCatalogueModel } from '../../src/model/index.ts';
import { ApiconformError } from '../../src/util/errors.ts';
import { BUNDLED_CATALOGUE, ROOT } from '../helpers.ts';

let routes: RouteTable;
beforeAll(async () => {
  routes = buildRoutes((await loadCatalogueModel(BUNDLED_CATALOGUE)).model);
});

describe('parseMutations', () => {
  it('reads the fixture with every kind, keyed by route path (slugs or uuids)', async () => {
    const mutations = await loadMutations(join(ROOT, 'test/fixtures/contracts/drift-d7sms.yaml'), routes);
    expect([...mutations.values()].map((m) => m.kind).sort()).toEqual(['change-type', 'delay', 'drop-field', 'extra-field', 'non-json', 'status']);
    const byUuid = parseMutations({ '4b1a2551-9995-4dbe-95f9-ecdc606a0b08/5605948d-7ab6-4ed1-b32c-9b94af65ba6e': { kind: 'non-json' } }, routes);
    expect([...byUuid.keys()]).toEqual(['/d7sms/send-viber-message']);
  });

  it.each([
    ['an unknown endpoint', { 'd7sms/nope': { kind: 'non-json' } }, /no endpoint "d7sms\/nope"/],
    ['an unknown kind', { 'd7sms/num-lookup': { kind: 'explode' } }, /must be one of drop-field, change-type/],
    ['an unknown option', { 'd7sms/num-lookup': { kind: 'non-json', colour: 'red' } }, /unknown option "colour"/],
    ['a key that is not api/endpoint', { 'num-lookup': { kind: 'non-json' } }, /key "num-lookup" is not "<api>\/<endpoint>"/],
    ['drop-field without a pointer', { 'd7sms/num-lookup': { kind: 'drop-field' } }, /needs "pointer"/],
    ['a pointer in no example', { 'd7sms/num-lookup': { kind: 'drop-field', pointer: '/nope' } }, /pointer \/nope is in none of the endpoint's examples/],
    ['status without a status', { 'd7sms/num-lookup': { kind: 'status' } }, /needs "status"/],
    ['delay without delayMs', { 'd7sms/num-lookup': { kind: 'delay' } }, /needs "delayMs"/],
    ['extra-field into a non-object', { 'd7sms/num-lookup': { kind: 'extra-field', pointer: '/mcc' } }, /not an object/],
  ])('rejects %s with a clear config error', (_name, value, message) => {
    let caught: unknown;
    try {
      parseMutations(value, routes, 'drift.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiconformError);
    expect((caught as ApiconformError).kind).toBe('config');
    expect((caught as ApiconformError).message).toMatch(message);
    expect((caught as ApiconformError).describe()).toMatch(/^drift\.yaml: /);
  });
});

describe('applyMutation', () => {
  const body = { detail: [{ loc: ['body'], msg: 'field required' }], ok: true };
  const json = 'application/json; charset=utf-8';

  it('leaves the answer alone without a mutation', () => {
    expect(applyMutation(undefined, 402, body, json)).toEqual({ status: 402, contentType: json, text: JSON.stringify(body), delayMs: 0 });
  });

  it('drops a field, also inside arrays, without touching the example', () => {
    const answer = applyMutation({ kind: 'drop-field', pointer: '/detail/0/msg' }, 402, body, json);
    expect(JSON.parse(answer.text)).toEqual({ detail: [{ loc: ['body'] }], ok: true });
    expect(body.detail[0]!.msg).toBe('field required');
  });

  it('changes a type to another JSON type', () => {
    expect(JSON.parse(applyMutation({ kind: 'change-type', pointer: '/ok' }, 200, body, json).text).ok).toBe('true');
    expect([changeType('abc'), changeType(3), changeType(null), changeType([1])]).toEqual([3, '3', 0, '[1]']);
  });

  it('adds a field', () => {
    expect(JSON.parse(applyMutation({ kind: 'extra-field', field: 'surprise', value: 1 }, 200, body, json).text)).toEqual({ ...body, surprise: 1 });
  });

  it('answers another status, an HTML page, or late', () => {
    expect(applyMutation({ kind: 'status', status: 500 }, 200, body, json).status).toBe(500);
    expect(applyMutation({ kind: 'non-json' }, 200, body, json)).toMatchObject({ contentType: 'text/html; charset=utf-8', text: NON_JSON_BODY });
    expect(applyMutation({ kind: 'delay', delayMs: 250 }, 200, body, json).delayMs).toBe(250);
  });
});
