import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/catalogue/index.ts';
import { normaliseSchema } from '../../src/schemas/index.ts';
import { compileBodyDeclarations, formatDeclarations } from '../../src/typegen/index.ts';
import { BUNDLED_CATALOGUE } from '../helpers.ts';

describe('compileBodyDeclarations', () => {
  it("the no-$ref fast path gives exactly json-schema-to-typescript's compile() output, for every bundled schema", async () => {
    const { rows } = await readCatalogue(BUNDLED_CATALOGUE);
    let compared = 0;
    for (const row of rows) {
      const { schema, hasRefs } = normaliseSchema(row.schema);
      if (hasRefs) continue;
      expect(await compileBodyDeclarations(schema, { hasRefs: false })).toBe(await compileBodyDeclarations(schema));
      compared++;
    }
    expect(compared).toBeGreaterThan(90);
  });

  it('does not modify the schema it is given (it is shared through the cache)', async () => {
    const schema = { type: 'object', properties: { a: { type: 'string', enum: ['x', 'y'] } }, required: ['a'] };
    const copy = structuredClone(schema);
    await compileBodyDeclarations(schema, { hasRefs: false });
    await compileBodyDeclarations(schema);
    expect(schema).toEqual(copy);
  });

  it('keeps single-example schemas closed and explicit additionalProperties open', async () => {
    expect(await compileBodyDeclarations({ type: 'object', properties: { a: { type: 'integer' } } }, { hasRefs: false })).not.toContain('[k: string]');
    expect(await compileBodyDeclarations({ type: 'object', additionalProperties: { type: 'string' } }, { hasRefs: false })).toContain('[k: string]: string');
  });

  it('types recursive $ref schemas with named, prefixed declarations', async () => {
    const text = await compileBodyDeclarations({
      $defs: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } } } },
      $ref: '#/$defs/node',
    });
    expect(text).toMatch(/ApiconformBodyPlaceholderNode/);
  });
});

describe('formatDeclarations', () => {
  it('indents by bracket depth, ignoring brackets inside strings and comments', () => {
    const source = 'export interface A {\n/**\n* has { in a comment\n*/\nb: "}{"\nc: {\nd: string[]\n}\n}';
    expect(formatDeclarations(source)).toBe('export interface A {\n  /**\n   * has { in a comment\n   */\n  b: "}{"\n  c: {\n    d: string[]\n  }\n}\n');
  });
});
