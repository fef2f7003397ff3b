import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/arbitraries/document.ts';

describe('preparing a schema document', () => {
  it('rewrites local, escaped, anchored and $id-relative refs to absolute pointers', () => {
    const doc = prepareDocument(
      {
        $id: 'https://example.com/root.json',
        $defs: {
          'a/b': { type: 'integer' },
          'c~d': { type: 'null' },
          named: { $anchor: 'thing', type: 'string' },
          inner: { $id: 'inner.json', $defs: { leaf: { type: 'boolean' } }, $ref: '#/$defs/leaf' },
        },
        prefixItems: [{ $ref: '#/$defs/a~1b' }, { $ref: '#/$defs/c~0d' }, { $ref: '#thing' }, { $ref: 'inner.json' }, { $ref: 'https://example.com/inner.json#/$defs/leaf' }],
      },
      '',
    );
    const refs = ((doc.root as { prefixItems: Array<{ $ref: string }> }).prefixItems).map((s) => doc.resolveRef(s.$ref, '').pointer);
    expect(refs).toEqual(['/$defs/a~1b', '/$defs/c~0d', '/$defs/named', '/$defs/inner', '/$defs/inner/$defs/leaf']);
    const inner = (doc.root as { $defs: { inner: { $ref: string } } }).$defs.inner;
    expect(doc.resolveRef(inner.$ref, '').pointer).toBe('/$defs/inner/$defs/leaf');
  });

  it('finds the recursive $ref targets, and only those', () => {
    const doc = prepareDocument({ $defs: { node: { properties: { next: { $ref: '#/$defs/node' }, id: { $ref: '#/$defs/id' } } }, id: { type: 'integer' } }, $ref: '#/$defs/node' }, '');
    expect(doc.isRecursive('/$defs/node')).toBe(true);
    expect(doc.isRecursive('/$defs/id')).toBe(false);
  });

  it('upgrades draft-07 spellings to 2020-12', () => {
    const doc = prepareDocument(
      { $schema: 'http://json-schema.org/draft-07/schema#', type: 'array', items: [{ type: 'string' }], additionalItems: false, properties: { a: { dependencies: { x: ['y'], z: { required: ['w'] } } } } },
      '',
    );
    const root = doc.root as Record<string, unknown>;
    expect(root.prefixItems).toEqual([{ type: 'string' }]);
    expect(root.items).toBe(false);
    expect(root).not.toHaveProperty('additionalItems');
    expect((root.properties as { a: unknown }).a).toEqual({ dependentRequired: { x: ['y'] }, dependentSchemas: { z: { required: ['w'] } } });
  });

  it('refuses remote refs and unknown anchors without fetching anything', () => {
    expect(() => prepareDocument({ $ref: 'https://example.com/other.json' }, '')).toThrowError(/outside the document/);
    expect(() => prepareDocument({ $ref: '#nowhere' }, '')).toThrowError(/anchor the document does not define/);
  });

  it('selects the entry schema by pointer', () => {
    const doc = prepareDocument({ $defs: { status200: { type: 'string' } } }, '/$defs/status200');
    expect(doc.entry).toEqual({ type: 'string' });
    expect(doc.entryValidator('x')).toBe(true);
    expect(doc.entryValidator(1)).toBe(false);
    expect(() => prepareDocument({ $defs: {} }, '/$defs/status404')).toThrowError(/no schema at this pointer/);
  });
});
