import { describe, expect, it } from 'vitest';
import {
  checkResponseTarget,
  checkResponsesInWorkers,
  mutateAt,
  planResponseTargets,
  responseFindings,
  sitesOf,
  type ResponseTarget,
} from '../../../src/checks/properties/index.ts';
import { contractsFor, inferMatchers, type MatcherNode } from '../../../src/contracts/index.ts';
import { SchemaIndex } from '../../../src/checks/conformance/index.ts';
import { loadCatalogueModel } from '../../../src/model/index.ts';
import { BUNDLED_CATALOGUE } from '../../helpers.ts';

const target = (schema: Record<string, unknown>, example: unknown, matchers?: MatcherNode[]): ResponseTarget => ({
  key: JSON.stringify([schema, matchers]),
  schemaHash: JSON.stringify(schema),
  schema,
  matchers: matchers ?? [inferMatchers(schema, example).node],
});
const options = { numRuns: 100, seed: 1 };

describe('checkResponseTarget', () => {
  it('finds nothing wrong with a strict schema and its contract, and only extra fields go unseen', () => {
    const schema = {
      type: 'object',
      properties: { id: { type: 'integer' }, state: { enum: ['queued', 'sent'] }, at: { type: 'string', format: 'date-time' } },
      required: ['id', 'state', 'at'],
    };
    const outcome = checkResponseTarget(target(schema, { id: 1, state: 'sent', at: '2024-01-01T00:00:00Z' }), options);
    expect(outcome.failure).toBeUndefined();
    expect(outcome.mock).toBeUndefined();
    expect(outcome.runs).toBe(100);
    // an enum catches unlisted values, required catches missing fields, types catch nulls and type changes
    expect(outcome.blind).toEqual(['extra-field']);
    expect(outcome.contracts[0]!.tooStrict).toBeUndefined();
  });

  it('sees that a schema without required cannot detect a field disappearing (drift-blind)', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } } };
    const outcome = checkResponseTarget(target(schema, { name: 'x' }), options);
    expect(outcome.blind).toContain('missing-field');
    expect(outcome.blind).toContain('enum-value');
    expect(outcome.blind).not.toContain('type-changed');
  });

  it('reports a contract that expects an optional field (too strict), with a shrunk body and where it fails', () => {
    const schema = { type: 'object', properties: { id: { type: 'integer' }, note: { type: 'string' } }, required: ['id'] };
    const outcome = checkResponseTarget(target(schema, { id: 1, note: 'hello' }), options);
    const strict = outcome.contracts[0]!.tooStrict!;
    expect(strict.pointer).toBe('/note');
    expect(strict.body).toEqual({ id: 0 }); // shrunk: the smallest body without the optional field
  });

  it('reports what the schema forbids and the contract lets through (a blind spot): an enum matched only by type', () => {
    const schema = { type: 'object', properties: { state: { enum: ['queued', 'sent'] } }, required: ['state'] };
    const byType: MatcherNode = { kind: 'object', properties: { state: { kind: 'type', example: 'sent' } } };
    const byRegex = inferMatchers(schema, { state: 'sent' }).node;
    const outcome = checkResponseTarget(target(schema, { state: 'sent' }, [byType, byRegex]), options);
    expect(outcome.contracts[0]!.blindSpots.map((s) => s.kind)).toContain('enum-value');
    expect(outcome.contracts[0]!.blindSpots.find((s) => s.kind === 'enum-value')!.pointer).toBe('/state');
    expect(outcome.contracts[1]!.blindSpots.map((s) => s.kind)).not.toContain('enum-value');
  });

  it('serves only bodies the response validator accepts, or says why it cannot generate them', () => {
    // 0.07 is a multiple of 0.01 for the generator, not for ajv's floating-point division
    const schema = { type: 'object', properties: { price: { type: 'number', multipleOf: 0.01, minimum: 0.05, maximum: 0.09 } }, required: ['price'] };
    const outcome = checkResponseTarget(target(schema, { price: 0.05 }), { numRuns: 200, seed: 3 });
    if (outcome.failure) {
      // a generator that filters through its own validator may give up instead: that is reported too
      expect(outcome.failure.kind).toBe('unsupported');
    } else {
      expect(outcome.mock).toBeUndefined(); // guarded generation: every served body passed the validator
    }
  });

  it('turns a schema no value satisfies into an unsatisfiable outcome, not an exception', () => {
    const outcome = checkResponseTarget(target({ type: 'integer', minimum: 5, maximum: 1 }, 3, [{ kind: 'integer', example: 3 }]), options);
    expect(outcome.failure?.kind).toBe('unsatisfiable');
  });

  it('is deterministic for a seed', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'integer' } } }, required: ['a'] };
    const t = target(schema, { a: 'x', b: [1] });
    expect(checkResponseTarget(t, options)).toEqual(checkResponseTarget(t, options));
  });
});

describe('schemas that explode the generator', () => {
  it('become unsupported outcomes for that schema alone, in threads or out, never a crash', async () => {
    const fine = target({ type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] }, { id: 1 });
    const huge = target({ type: 'array', minItems: 20_000_000, items: { type: 'object', properties: { a: { type: 'string', minLength: 1000 } }, required: ['a'] } }, [], [{ kind: 'any-array' }]);
    const deep = target({ $defs: { n: { type: 'object', properties: { next: { $ref: '#/$defs/n' } }, required: ['next'] } }, $ref: '#/$defs/n' }, {}, [{ kind: 'object', properties: {} }]);
    const outcomes = await checkResponsesInWorkers([fine, huge, deep, fine], { numRuns: 20, seed: 1, threshold: 0, workers: 2, workerHeapMb: 96 });
    expect(outcomes).toHaveLength(4);
    expect(outcomes[0]!.failure).toBeUndefined();
    expect(outcomes[3]!.failure).toBeUndefined();
    expect(outcomes[1]!.failure?.kind).toBe('unsupported');
    expect(outcomes[2]!.failure?.kind).toMatch(/unsupported|unsatisfiable/);
    const findings = responseFindings(
      [huge].map((t) => ({ target: t, uses: [{ api: 'a', endpoint: 'e', status: 200, example: 0, pointer: '/$defs/status200', source: { file: 'c.csv', line: 2, rowId: 'r' }, matcher: 0 }] })),
      [outcomes[1]!],
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['property/unsupported']);
    expect(findings[0]!.message).toMatch(/a e 200: property checks skipped/);
  }, 120_000);
});

describe('drift mutations', () => {
  it('make each kind of change at one place without touching the original body', () => {
    const body = { a: { b: 'x@y.io' }, list: [1, null] };
    const sites = sitesOf(body);
    expect(sites.map((s) => s.path.join('.'))).toEqual(['', 'a', 'a.b', 'list', 'list.0', 'list.1']);
    const at = (path: string) => sites.find((s) => s.path.join('.') === path)!;
    expect(mutateAt(body, 'missing-field', at('a.b'))!.value).toEqual({ a: {}, list: [1, null] });
    expect(mutateAt(body, 'missing-field', at('list.0'))).toBeUndefined();
    expect(mutateAt(body, 'null', at('list.1'))).toBeUndefined();
    expect(mutateAt(body, 'type-changed', at('list.0'))!.value).toEqual({ a: { b: 'x@y.io' }, list: ['1', null] });
    expect(mutateAt(body, 'format', at('a.b'))!.pointer).toBe('/a/b');
    expect(mutateAt(body, 'extra-field', at('a'))!.value).toEqual({ a: { b: 'x@y.io', apiconform_unexpected_field: 'drift' }, list: [1, null] });
    expect(body).toEqual({ a: { b: 'x@y.io' }, list: [1, null] });
  });

  it('walk a body nested far deeper than the call stack allows without overflowing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(sitesOf(deep).length).toBeLessThanOrEqual(2000);
  });
});

describe('the bundled catalogue', () => {
  it('one target per distinct schema, findings per endpoint and status, the same in worker threads', async () => {
    const { model } = await loadCatalogueModel(BUNDLED_CATALOGUE);
    const schemas = new SchemaIndex(model);
    const contracts = contractsFor(model, { normalise: (e) => schemas.normalised(e) });
    const byKey = new Map(contracts.flatMap((c) => c.interactions.map((i) => [`${i.api}/${i.endpoint}/${i.status}/${i.example}`, i.response.body] as const)));
    const planned = planResponseTargets(model, schemas, (a, e, s, x) => byKey.get(`${a}/${e}/${s}/${x}`)!);
    expect(planned.reduce((n, p) => n + p.uses.length, 0)).toBe(100);
    expect(planned.length).toBeLessThan(100); // endpoints share schemas (e.g. the D7 APIs' 401 bodies)
    const inline = planned.map((p) => checkResponseTarget(p.target, { numRuns: 30, seed: 1 }));
    const parallel = await checkResponsesInWorkers(planned.map((p) => p.target), { numRuns: 30, seed: 1, threshold: 0, workers: 2 });
    expect(parallel).toEqual(inline);
    const findings = responseFindings(planned, inline);
    const blind = findings.filter((f) => f.ruleId === 'property/drift-blind');
    // one finding per endpoint × status at most
    expect(new Set(blind.map((f) => `${f.api}/${f.endpoint}/${f.status}`)).size).toBe(blind.length);
    expect(blind.length).toBeGreaterThan(50);
    // Enode's OpenAPI schemas list optional fields its examples show: the contracts expect them
    expect(findings.some((f) => f.ruleId === 'property/contract-too-strict' && f.api === 'enode-api')).toBe(true);
  }, 120_000);
});
