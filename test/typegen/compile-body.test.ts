import * as fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/catalogue/index.ts';
import { normaliseSchema } from '../../src/schemas/index.ts';
import { compileBodyDeclarations, formatDeclarations } from '../../src/typegen/index.ts';
import { emptyReport, generateSyntheticCatalogue, readSeed } from '../../scripts/synthetic/index.ts';
import { schemaArbitrary } from '../arbitraries/schema-fuzz.ts';
import typegenBatch, { typegenJob } from '../../src/build/typegen-task.ts';
import { BUNDLED_CATALOGUE } from '../helpers.ts';

/** The fast path (one normalising walk, no dereferencing) and the library's compile() agree. */
async function expectSameAsCompile(raw: unknown): Promise<boolean> {
  const { schema, hasRefs } = normaliseSchema(raw);
  if (hasRefs) return false;
  let library: string | Error;
  try {
    library = await compileBodyDeclarations(schema);
  } catch (error) {
    library = error as Error;
  }
  for (const owned of [false, true]) {
    // `owned` is how a worker compiles its private copy: prepared in place instead of copied
    const input = owned ? structuredClone(schema) : schema;
    const options = { hasRefs: false, ...(owned ? { owned: new Set<object>() } : {}) };
    if (library instanceof Error) await expect(compileBodyDeclarations(input, options)).rejects.toThrow();
    else expect(await compileBodyDeclarations(input, options)).toBe(library);
  }
  return true;
}

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

  it('… and for every schema of the generator corpus, fuzzed schemas and a synthetic catalogue', async () => {
    const dir = 'test/fixtures/arbitraries/corpus';
    let compared = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      for (const { schema } of JSON.parse(readFileSync(join(dir, file), 'utf8')) as Array<{ schema: unknown }>) {
        if (await expectSameAsCompile(schema)) compared++;
      }
    }
    for (const schema of fc.sample(schemaArbitrary(), { numRuns: 400, seed: 7 })) if (await expectSameAsCompile(schema)) compared++;
    // the shapes the build meets most: genson schemas of realistic bodies, nested objects and arrays
    const seed = await readSeed(BUNDLED_CATALOGUE);
    for (const record of generateSyntheticCatalogue(seed, { rows: 300, seed: 'typegen' }, emptyReport())) {
      if (await expectSameAsCompile(JSON.parse(record.response_json_schema))) compared++;
    }
    expect(compared).toBeGreaterThan(700);
  });

  it('walks `nullable` and object `const` schemas the library way (they are outside the one-walk equivalence)', async () => {
    // the library's early walks step into the const and treat {properties: …} as a schema
    const constant = { type: 'object', properties: { a: { const: { x: { properties: { y: { type: 'string' } } } } } } };
    const library = await compileBodyDeclarations(constant);
    expect(library).toContain('"required":[]');
    expect(await compileBodyDeclarations(constant, { hasRefs: false })).toBe(library);
    const nullable = { type: 'object', properties: { n: { type: 'object', properties: { q: { const: 'a' } }, nullable: true } } };
    expect(await compileBodyDeclarations(nullable, { hasRefs: false })).toBe(await compileBodyDeclarations(nullable));
  });

  it("rejects what the library's validator rejects, its errors in the library's order", async () => {
    // one walk meets node a (deprecated) before node b (tsEnumNames); the library lists by rule
    const schema = {
      type: 'object',
      properties: { a: { type: 'string', deprecated: 'no' }, b: { type: 'string', enum: ['x', 'y'], tsEnumNames: ['X'] } },
    };
    await expect(compileBodyDeclarations(schema)).rejects.toThrow(); // the library says why on stderr only
    await expect(compileBodyDeclarations(schema, { hasRefs: false })).rejects.toThrow(/key "b".*tsEnumNames.*; .*key "a".*deprecated must be a boolean/);
  });

  it('prepares an owned schema in place, and a shared node as two (as the copy does)', async () => {
    const shared = { type: 'object', title: 'Inner', properties: { x: { type: 'integer' } } };
    const schema = { type: 'object', properties: { a: shared, b: shared }, examples: [{}] };
    const copied = await compileBodyDeclarations(schema, { hasRefs: false });
    const owned = structuredClone(schema); // keeps a and b the same object
    expect(owned.properties.a).toBe(owned.properties.b);
    expect(await compileBodyDeclarations(owned, { hasRefs: false, owned: new Set() })).toBe(copied);
    expect(copied).not.toContain('Inner');
  });

  it('a worker batch (schemas sent as JSON text, typed in place) gives what in-process typing gives', async () => {
    const inner = { type: 'object', properties: { id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } };
    const other = { type: 'object', properties: { error: { type: 'string' } } };
    const jobs = [
      { schema: inner, hasRefs: false },
      { schema: { anyOf: [inner, other] }, hasRefs: false },
      { schema: { type: 'object', properties: { data: inner } }, hasRefs: false },
    ];
    const alone = await Promise.all(jobs.map((job) => typegenJob(job)));
    const batch = await typegenBatch(structuredClone(jobs.map((job) => ({ ...job, schema: JSON.stringify(job.schema) }))));
    expect(batch).toEqual(alone);
    expect(batch.every((outcome) => outcome.error === undefined)).toBe(true);
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
