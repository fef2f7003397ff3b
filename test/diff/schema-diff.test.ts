import { describe, expect, it } from 'vitest';
import { diffSchemas, type SchemaChange } from '../../src/diff/index.ts';

const kinds = (changes: SchemaChange[]) => changes.map((c) => `${c.kind} ${c.path} ${c.pointer}`).sort();

const order = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    status: { type: 'string', enum: ['accepted', 'sent'] },
    note: { type: 'null' },
    lines: { type: 'array', maxItems: 2, items: { type: 'object', properties: { sku: { type: 'string', maxLength: 8 } }, required: ['sku'] } },
  },
  required: ['id', 'status', 'lines'],
};

describe('diffSchemas (a response schema, seen by its client)', () => {
  it('finds nothing between a schema and itself, or a reordered copy', () => {
    expect(diffSchemas(order, structuredClone(order))).toEqual([]);
    const reordered = { required: ['lines', 'status', 'id'], properties: Object.fromEntries(Object.entries(order.properties).reverse()), type: 'object' };
    expect(diffSchemas(order, reordered)).toEqual([]);
  });

  it('reports each breaking change with the path a client reads and a pointer into the new schema', () => {
    const changed = structuredClone(order) as { type: string; properties: Record<string, unknown>; required: string[] };
    delete changed.properties.id; // removed (was required)
    changed.required = ['lines']; // status became optional
    changed.properties.note = { type: ['string', 'null'] }; // null → string or null: widened
    changed.properties.status = { type: 'string', enum: ['accepted', 'sent', 'queued'] };
    changed.properties.lines = { type: 'array', maxItems: 3, items: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] } };
    changed.properties.total = { type: 'number' };
    expect(kinds(diffSchemas(order, changed, { old: '/$defs/status200', new: '/$defs/status200' }))).toEqual([
      'enum-value-added status /$defs/status200/properties/status',
      'max-items-increased lines /$defs/status200/properties/lines',
      'max-length-increased lines[].sku /$defs/status200/properties/lines/items/properties/sku',
      'property-added total /$defs/status200/properties/total',
      'property-became-optional status /$defs/status200/properties/status',
      'required-property-removed id /$defs/status200/properties/id',
      'type-widened note /$defs/status200/properties/note',
    ]);
  });

  it('integer → number widens, number → integer narrows', () => {
    const number = { type: 'object', properties: { n: { type: 'number' } } };
    const integer = { type: 'object', properties: { n: { type: 'integer' } } };
    expect(kinds(diffSchemas(integer, number))).toEqual(['type-widened n /properties/n']);
    expect(kinds(diffSchemas(number, integer))).toEqual(['type-narrowed n /properties/n']);
  });

  it('matches anyOf/oneOf members by shape, not position: reordering is no change, a change inside a later member is found', () => {
    const a = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const b = { type: 'object', properties: { b: { type: 'integer' }, c: { type: 'string' } }, required: ['b'] };
    expect(diffSchemas({ anyOf: [a, b] }, { anyOf: [b, a] })).toEqual([]);
    const bLoose = { ...b, required: [] };
    expect(kinds(diffSchemas({ anyOf: [a, b] }, { anyOf: [bLoose, a] }))).toEqual(['property-became-optional b /anyOf/0/properties/b']);
    // a body that may now also be a string: widened at the root, not a member added as well
    expect(kinds(diffSchemas({ anyOf: [a, b] }, { anyOf: [a, b, { type: 'string' }] }))).toEqual(['type-widened (root) ']);
  });

  it('matches oneOf members by a constant tag first', () => {
    const sms = (extra: object) => ({ type: 'object', properties: { kind: { const: 'sms' }, ...extra }, required: ['kind'] });
    const viber = (extra: object) => ({ type: 'object', properties: { kind: { const: 'viber' }, ...extra }, required: ['kind'] });
    // same property names, but the tags say which is which: the price moved from viber to sms
    const before = { oneOf: [sms({ to: { type: 'string' } }), viber({ to: { type: 'string' }, price: { type: 'integer' } })] };
    const after = { oneOf: [viber({ to: { type: 'string' } }), sms({ to: { type: 'string' }, price: { type: 'integer' } })] };
    expect(kinds(diffSchemas(before, after))).toEqual(['optional-property-removed price /oneOf/1/properties/price', 'property-added price /oneOf/1/properties/price']);
  });

  it('keeps every keyword of allOf parts: an enum, a bound or a required name in any part counts', () => {
    const before = { allOf: [{ type: 'object', properties: { s: { type: 'string' } } }, { properties: { s: { maxLength: 4 } }, required: ['s'] }] };
    const after = { allOf: [{ type: 'object', properties: { s: { type: 'string' } } }, { properties: { s: { maxLength: 8 } } }] };
    expect(kinds(diffSchemas(before, after))).toEqual(['max-length-increased s /allOf/0/properties/s', 'property-became-optional s /allOf/0/properties/s']);
  });

  it('follows local $refs, recursive ones included, and reports pointers where the definitions are', () => {
    const tree = (leaf: unknown) => ({
      $defs: { node: { type: 'object', properties: { value: leaf, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, required: ['value'] } },
      $ref: '#/$defs/node',
    });
    expect(kinds(diffSchemas(tree({ type: 'integer' }), tree({ type: 'string' }), { old: '/$defs/status200', new: '/$defs/status200' }))).toEqual([
      'type-changed value /$defs/status200/$defs/node/properties/value',
    ]);
  });

  it('loosened bounds are breaking, tighter ones are info (constraint-tightened)', () => {
    expect(kinds(diffSchemas({ type: 'string', enum: ['a'] }, { type: 'string' }))).toEqual(['enum-value-added (root) ']);
    expect(kinds(diffSchemas({ const: 'a' }, { enum: ['a', 'b'] }))).toEqual(['enum-value-added (root) ']);
    expect(kinds(diffSchemas({ type: 'string' }, { type: 'string', enum: ['a'], maxLength: 3, pattern: '^a' }))).toEqual(['constraint-tightened (root) ', 'constraint-tightened (root) ', 'pattern-added (root) ']);
    expect(kinds(diffSchemas({ type: 'string', format: 'date-time', pattern: '^2' }, { type: 'string' }))).toEqual(['format-widened (root) ', 'pattern-removed (root) ']);
    expect(kinds(diffSchemas({ type: 'integer', minimum: 0, maximum: 10 }, { type: 'integer', minimum: 1, maximum: 9 }))).toEqual(['constraint-tightened (root) ', 'constraint-tightened (root) ']);
    expect(kinds(diffSchemas({ type: 'integer', minimum: 0 }, { type: 'integer', minimum: -1 }))).toEqual(['minimum-decreased (root) ']);
    // maximum 10 and exclusiveMaximum 10 → exclusiveMaximum 11 and maximum 10: the same bound written another way
    expect(diffSchemas({ type: 'number', maximum: 10 }, { type: 'number', maximum: 10, exclusiveMaximum: 11 })).toEqual([]);
  });

  it('boolean schemas: true admits everything, false nothing', () => {
    expect(kinds(diffSchemas({ type: 'string' }, true))).toEqual(['became-nullable (root) ', 'type-widened (root) ']);
    expect(diffSchemas(true, { type: 'string' }).map((c) => c.kind).sort()).toEqual(['became-not-nullable', 'type-narrowed']);
    expect(diffSchemas({ type: 'string' }, false)).toEqual([]);
  });

  it('stops on hostile recursion instead of running away', () => {
    const loop = { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' };
    expect(diffSchemas(loop, loop)).toEqual([]);
    const deep = { $defs: { n: { type: 'array', contains: { $ref: '#/$defs/n' }, items: { $ref: '#/$defs/n' } } }, $ref: '#/$defs/n' };
    expect(diffSchemas(deep, { ...deep, $defs: { n: { ...deep.$defs.n, maxItems: 1 } } }).length).toBeGreaterThan(0);
  });
});
