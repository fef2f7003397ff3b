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
      'constraint-relaxed lines /$defs/status200/properties/lines',
      'constraint-relaxed lines[].sku /$defs/status200/properties/lines/items/properties/sku',
      'enum-widened status /$defs/status200/properties/status',
      'property-added total /$defs/status200/properties/total',
      'property-became-optional status /$defs/status200/properties/status',
      'property-removed id /$defs/status200/properties/id',
      'type-widened note /$defs/status200/properties/note',
    ]);
  });

  it('integer → number widens, number → integer narrows', () => {
    const number = { type: 'object', properties: { n: { type: 'number' } } };
    const integer = { type: 'object', properties: { n: { type: 'integer' } } };
    expect(kinds(diffSchemas(integer, number))).toEqual(['type-widened n /properties/n']);
    expect(kinds(diffSchemas(number, integer))).toEqual(['type-narrowed n /properties/n']);
  });

  it('folds anyOf branches: a member is required only if every object branch requires it', () => {
    const before = { anyOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a', 'b'] }] };
    const after = { anyOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { type: 'object', properties: { b: { type: 'integer' } }, required: ['b'] }] };
    // b was never guaranteed; a was, and no longer is
    expect(kinds(diffSchemas(before, after))).toEqual(['property-became-optional a /anyOf/0/properties/a']);
    // a body that may now also be a string: widened at the root
    expect(kinds(diffSchemas(before, { anyOf: [...before.anyOf, { type: 'string' }] }))).toEqual(['type-widened (root) ']);
  });

  it('follows local $refs, recursive ones included, and reports pointers where the definitions are', () => {
    const tree = (leaf: unknown) => ({
      $defs: { node: { type: 'object', properties: { value: leaf, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, required: ['value'] } },
      $ref: '#/$defs/node',
    });
    expect(kinds(diffSchemas(tree({ type: 'integer' }), tree({ type: 'string' }), { old: '/$defs/status200', new: '/$defs/status200' }))).toEqual([
      'type-narrowed value /$defs/status200/$defs/node/properties/value',
      'type-widened value /$defs/status200/$defs/node/properties/value',
    ]);
  });

  it('a closed set that opens up, and bounds that loosen or go, are risky; tighter ones are not reported', () => {
    expect(kinds(diffSchemas({ type: 'string', enum: ['a'] }, { type: 'string' }))).toEqual(['enum-widened (root) ']);
    expect(kinds(diffSchemas({ const: 'a' }, { enum: ['a', 'b'] }))).toEqual(['enum-widened (root) ']);
    expect(diffSchemas({ type: 'string' }, { type: 'string', enum: ['a'], maxLength: 3, pattern: '^a' })).toEqual([]);
    expect(kinds(diffSchemas({ type: 'string', format: 'date-time', pattern: '^2' }, { type: 'string' }))).toEqual(['constraint-relaxed (root) ', 'constraint-relaxed (root) ']);
    expect(kinds(diffSchemas({ type: 'integer', minimum: 0, maximum: 10 }, { type: 'integer', minimum: 1, maximum: 9 }))).toEqual([]);
    expect(kinds(diffSchemas({ type: 'integer', minimum: 0 }, { type: 'integer', minimum: -1 }))).toEqual(['constraint-relaxed (root) ']);
  });

  it('boolean schemas: true admits everything, false nothing', () => {
    expect(kinds(diffSchemas({ type: 'string' }, true))).toEqual(['type-widened (root) ']);
    expect(diffSchemas(true, { type: 'string' }).map((c) => c.kind)).toEqual(['type-narrowed']);
    expect(diffSchemas({ type: 'string' }, false)).toEqual([]);
  });
});
