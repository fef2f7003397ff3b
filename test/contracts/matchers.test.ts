import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOGUE } from '../helpers.ts';
import { DATE_TIME_REGEX, inferMatchers, UUID_REGEX } from '../../src/contracts/matchers.ts';
import { satisfies, type MatcherNode } from '../../src/contracts/matcher-tree.ts';
import type { JsonSchema } from '../../src/schemas/index.ts';
import { normaliseSchema } from '../../src/schemas/index.ts';
import { loadCatalogueModel } from '../../src/model/index.ts';

interface Case {
  name: string;
  schema: JsonSchema;
  body: unknown;
  want: MatcherNode;
  /** Kinds of the notes, in order (default: none). */
  notes?: Array<'fallback' | 'unchecked'>;
}

const obj = (properties: Record<string, MatcherNode>): MatcherNode => ({ kind: 'object', properties });

const CASES: Case[] = [
  { name: 'integer', schema: { type: 'integer' }, body: 3, want: { kind: 'integer', example: 3 } },
  { name: 'number accepts integers too (Pact number, not decimal)', schema: { type: 'number' }, body: 99.9, want: { kind: 'number', example: 99.9 } },
  { name: 'integer|number is a number', schema: { type: ['integer', 'number'] }, body: 2, want: { kind: 'number', example: 2 } },
  { name: 'boolean', schema: { type: 'boolean' }, body: false, want: { kind: 'boolean', example: false } },
  { name: 'null', schema: { type: 'null' }, body: null, want: { kind: 'null' } },
  { name: 'plain string by type, the value is not pinned', schema: { type: 'string' }, body: 'a1b2-volatile-id', want: { kind: 'type', example: 'a1b2-volatile-id' } },
  {
    name: 'date-time as an RFC 3339 regex (fractions and offsets allowed)',
    schema: { type: 'string', format: 'date-time' },
    body: '2020-04-07T17:04:26Z',
    want: { kind: 'regex', regex: DATE_TIME_REGEX, example: '2020-04-07T17:04:26Z', reason: 'date-time' },
  },
  { name: 'date with Pact\'s date matcher', schema: { type: 'string', format: 'date' }, body: '2020-10-06', want: { kind: 'date', example: '2020-10-06' } },
  {
    name: 'uuid, either case',
    schema: { type: 'string', format: 'uuid' },
    body: '8d90101b-3f2f-462a-bbb4-1ed320d33bbe',
    want: { kind: 'regex', regex: UUID_REGEX, example: '8d90101b-3f2f-462a-bbb4-1ed320d33bbe', reason: 'uuid' },
  },
  {
    name: 'pattern, unanchored like JSON Schema',
    schema: { type: 'string', pattern: '\\b(GET|POST)' },
    body: 'POST',
    want: { kind: 'regex', regex: '[\\s\\S]*(?:\\b(GET|POST))[\\s\\S]*', example: 'POST', reason: 'pattern' },
  },
  { name: 'const is exact', schema: { const: 'vehicle' }, body: 'vehicle', want: { kind: 'equal', example: 'vehicle' } },
  { name: 'one-member enum is exact', schema: { type: 'string', enum: ['hvac'] }, body: 'hvac', want: { kind: 'equal', example: 'hvac' } },
  {
    name: 'string enum as an alternation (any member passes, nothing else)',
    schema: { type: 'string', enum: ['A.B', 'C'] },
    body: 'C',
    want: { kind: 'regex', regex: '(A\\.B|C)', example: 'C', reason: 'enum' },
  },
  {
    name: 'number enum by type, noted',
    schema: { enum: [1, 2, 3] },
    body: 2,
    want: { kind: 'number', example: 2 },
    notes: ['unchecked'],
  },
  {
    name: 'object: every key of the example, sorted, recursively',
    schema: { type: 'object', properties: { b: { type: 'integer' }, a: { type: 'object', properties: { c: { type: 'boolean' } } } }, required: ['b'] },
    body: { b: 1, a: { c: true } },
    want: obj({ a: obj({ c: { kind: 'boolean', example: true } }), b: { kind: 'integer', example: 1 } }),
  },
  {
    name: 'array with minItems/maxItems from the schema, template from item 0',
    schema: { type: 'array', minItems: 1, maxItems: 5, items: { type: 'object', properties: { id: { type: 'string' } } } },
    body: [{ id: 'x' }, { id: 'y' }],
    want: { kind: 'array', template: obj({ id: { kind: 'type', example: 'x' } }), min: 1, max: 5 },
  },
  {
    name: 'array without minItems may be empty (min 0, not eachLike\'s 1)',
    schema: { type: 'array', items: { type: 'integer' } },
    body: [3],
    want: { kind: 'array', template: { kind: 'integer', example: 3 }, min: 0 },
  },
  {
    name: 'empty example array: any array, noted',
    schema: { type: 'array', items: { type: 'string' } },
    body: [],
    want: { kind: 'any-array' },
    notes: ['unchecked'],
  },
  {
    name: 'items that differ: the template keeps only what every item has',
    schema: { type: 'array', items: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string' } } } },
    body: [{ a: 1, b: 'x' }, { a: 2 }],
    want: { kind: 'array', template: obj({ a: { kind: 'integer', example: 1 } }), min: 0 },
    notes: ['fallback'],
  },
  {
    name: 'nullable field is not checked (Pact has no union)',
    schema: { type: 'object', properties: { rate: { type: ['number', 'null'] }, id: { type: 'string' } } },
    body: { rate: 1.5, id: 'v' },
    want: obj({ id: { kind: 'type', example: 'v' } }),
    notes: ['unchecked'],
  },
  {
    name: 'anyOf of one type: the branch the example fits',
    schema: { anyOf: [{ type: 'object', required: ['x'], properties: { x: { type: 'integer' } } }, { type: 'object', required: ['y'], properties: { y: { type: 'string' } } }] },
    body: { y: 'ok' },
    want: obj({ y: { kind: 'type', example: 'ok' } }),
  },
  {
    name: 'allOf and a local $ref merge',
    schema: { $defs: { base: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } }, allOf: [{ $ref: '#/$defs/base' }, { properties: { n: { type: 'integer' } } }] },
    body: { id: 'ABCDEF01-2345-6789-abcd-ef0123456789', n: 4 },
    want: obj({ id: { kind: 'regex', regex: UUID_REGEX, example: 'ABCDEF01-2345-6789-abcd-ef0123456789', reason: 'uuid' }, n: { kind: 'integer', example: 4 } }),
  },
  // The 18 Enode examples that break their own schema: the contract must still accept them.
  {
    name: 'empty string under format date-time falls back to type (Enode get-schedule-status changedAt)',
    schema: { type: 'object', properties: { changedAt: { type: 'string', format: 'date-time' } } },
    body: { changedAt: '' },
    want: obj({ changedAt: { kind: 'type', example: '' } }),
    notes: ['fallback'],
  },
  {
    name: 'a date-time value under format date falls back to type (Enode get-vehicles lastSeen)',
    schema: { type: 'string', format: 'date' },
    body: '2020-04-07T17:04:26Z',
    want: { kind: 'type', example: '2020-04-07T17:04:26Z' },
    notes: ['fallback'],
  },
  {
    name: 'a string serialised as an object under an enum falls back to the object\'s shape (Enode get-hvac mode)',
    schema: { type: 'string', enum: ['HEAT', 'COOL'] },
    body: { '0': 'H', '1': 'E' },
    want: obj({ '0': { kind: 'type', example: 'H' }, '1': { kind: 'type', example: 'E' } }),
    notes: ['fallback'],
  },
  {
    name: 'more items than maxItems: the maximum is dropped (Enode get-health-vehicle-vendors)',
    schema: { type: 'array', maxItems: 2, items: { type: 'string' } },
    body: ['a', 'b', 'c'],
    want: { kind: 'array', template: { kind: 'type', example: 'a' }, min: 0 },
    notes: ['fallback'],
  },
  {
    name: 'a value outside its pattern falls back to type',
    schema: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
    body: '8:00',
    want: { kind: 'type', example: '8:00' },
    notes: ['fallback'],
  },
  {
    name: 'a property the schema forbids is left out',
    schema: { type: 'object', properties: { a: { type: 'integer' } }, additionalProperties: false },
    body: { a: 1, z: 2 },
    want: obj({ a: { kind: 'integer', example: 1 } }),
    notes: ['fallback'],
  },
];

describe('inferMatchers (schema + example → matcher tree)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { node, notes } = inferMatchers(c.schema, c.body);
    expect(node).toEqual(c.want);
    expect(notes.map((n) => n.kind)).toEqual(c.notes ?? []);
    expect(satisfies(node, c.body)).toBe(true);
  });

  it('points notes at the place in the body', () => {
    const { notes } = inferMatchers({ type: 'object', properties: { plan: { type: 'object', properties: { stopAt: { type: 'string', format: 'date-time' } } } } }, { plan: { stopAt: '' } });
    expect(notes).toEqual([expect.objectContaining({ pointer: '/plan/stopAt', kind: 'fallback' })]);
  });

  it('accepts every bundled example with the matchers inferred from its own schema', async () => {
    const { model } = await loadCatalogueModel(BUNDLED_CATALOGUE);
    let examples = 0;
    for (const api of model.apis)
      for (const endpoint of api.endpoints)
        for (const response of endpoint.responses)
          for (const example of response.examples) {
            const { node } = inferMatchers(normaliseSchema(example.schema).schema, example.body);
            expect(satisfies(node, example.body), example.rowId).toBe(true);
            examples++;
          }
    expect(examples).toBe(100);
  });
});
