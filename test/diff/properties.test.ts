import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../src/diff/index.ts';
import { ruleById } from '../../src/rules/index.ts';
import { normaliseSchema, type JsonSchema } from '../../src/schemas/index.ts';
import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from '../../src/schemas/vocabulary.ts';
import { schemaArbitrary } from '../arbitraries/schema-fuzz.ts';

const SEED = 20261206;
const normalised = schemaArbitrary().map((raw) => normaliseSchema(raw).schema);

/**
 * A rewrite that keeps the meaning: keys in reverse order, `type: "x"` as `["x"]`, a subschema
 * wrapped in `allOf: [it]`, or moved into `$defs` behind a `$ref`. `choices` picks one per node.
 */
function rewrite(root: JsonSchema, choices: number[]): JsonSchema {
  if (typeof root !== 'object') return root;
  const copy = structuredClone(root);
  const defs: Record<string, JsonSchema> = ((copy.$defs as Record<string, JsonSchema> | undefined) ?? {});
  let n = 0;
  const walk = (node: JsonSchema, isRoot: boolean): JsonSchema => {
    if (typeof node !== 'object') return node;
    const entries = Object.entries(node).reverse().map(([key, value]): [string, unknown] => {
      if (SINGLE_SUBSCHEMA.has(key)) return [key, walk(value as JsonSchema, false)];
      if (ARRAY_OF_SUBSCHEMAS.has(key) && Array.isArray(value)) return [key, value.map((v) => walk(v as JsonSchema, false))];
      if (MAP_OF_SUBSCHEMAS.has(key) && key !== '$defs' && value && typeof value === 'object') {
        return [key, Object.fromEntries(Object.entries(value).map(([name, v]) => [name, walk(v as JsonSchema, false)]))];
      }
      if (key === 'type' && typeof value === 'string') return [key, [value]];
      return [key, value];
    });
    const rewritten = Object.fromEntries(entries) as JsonSchema;
    if (isRoot) return rewritten;
    const choice = choices[n++ % choices.length]!;
    if (choice === 1) return { allOf: [rewritten] };
    if (choice === 2) {
      const name = `rewrite${n}`;
      defs[name] = rewritten;
      return { $ref: `#/$defs/${name}` };
    }
    return rewritten;
  };
  const out = walk(copy, true) as Record<string, unknown>;
  if (Object.keys(defs).length > 0) out.$defs = defs;
  return out;
}

const verdict = (oldSchema: JsonSchema, newSchema: JsonSchema) => {
  const changes = diffSchemas(oldSchema, newSchema);
  const severities = changes.map((c) => ruleById(`diff/${c.kind}`)!.severity);
  return { changes: changes.length, breaking: severities.some((s) => s !== 'info') };
};

describe('diff properties', () => {
  it('diff(a, a) is empty', () => {
    fc.assert(fc.property(normalised, (schema) => {
        expect(diffSchemas(schema, structuredClone(schema))).toEqual([]);
      }), { seed: SEED, numRuns: 300 });
  });

  it('a semantics-preserving rewrite of a gives nothing (key order, one-element type lists, allOf wrappers, $ref indirection)', () => {
    fc.assert(
      fc.property(normalised, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 8 }), (schema, choices) => {
        expect(diffSchemas(schema, rewrite(schema, choices))).toEqual([]);
        expect(diffSchemas(rewrite(schema, choices), schema)).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('OpenAPI nullable and a null type are the same after normalisation', () => {
    const openapi = normaliseSchema({ type: 'object', properties: { a: { type: 'string', nullable: true } } }).schema;
    const native = normaliseSchema({ type: 'object', properties: { a: { type: ['null', 'string'] } } }).schema;
    expect(diffSchemas(openapi, native)).toEqual([]);
    // and an anyOf of single types is the same as the type list
    expect(diffSchemas(native, { type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'null' }] } } })).toEqual([]);
  });

  /** Loosening changes of one property of a random object schema; each has a tightening inverse. */
  const LOOSEN: Array<{ name: string; apply: (s: { properties: Record<string, Record<string, unknown>>; required: string[] }, p: string) => void }> = [
    { name: 'remove a required property', apply: (s, p) => { delete s.properties[p]; s.required = s.required.filter((r) => r !== p); } },
    { name: 'make a required property optional', apply: (s, p) => { s.required = s.required.filter((r) => r !== p); } },
    { name: 'make it nullable', apply: (s, p) => { s.properties[p]!.type = [s.properties[p]!.type as string, 'null']; s.properties[p]!.enum = [...(s.properties[p]!.enum as unknown[]), null]; } },
    { name: 'raise maxLength', apply: (s, p) => { s.properties[p]!.maxLength = 1000; } },
    { name: 'add an enum value', apply: (s, p) => { s.properties[p]!.enum = [...(s.properties[p]!.enum as string[]), 'zzz-new']; } },
    { name: 'drop the format', apply: (s, p) => { delete s.properties[p]!.format; } },
    { name: 'lower minLength', apply: (s, p) => { s.properties[p]!.minLength = 0; } },
  ];
  const objectSchema = fc
    .uniqueArray(fc.constantFrom('id', 'name', 'status', 'code', 'note'), { minLength: 1, maxLength: 4 })
    .chain((names) =>
      fc.record({
        names: fc.constant(names),
        lengths: fc.array(fc.integer({ min: 3, max: 40 }), { minLength: names.length, maxLength: names.length }),
        target: fc.nat(names.length - 1),
        change: fc.nat(LOOSEN.length - 1),
      }),
    );

  it('a loosening change then its inverse give opposite verdicts (breaking, then only info)', () => {
    fc.assert(
      fc.property(objectSchema, ({ names, lengths, target, change }) => {
        const before = {
          type: 'object',
          properties: Object.fromEntries(names.map((n, i) => [n, { type: 'string', enum: ['a', 'b'], format: 'email', minLength: 1, maxLength: lengths[i]! }])),
          required: [...names],
        };
        const after = structuredClone(before);
        LOOSEN[change]!.apply(after, names[target]!);
        const forward = verdict(before, after);
        const backward = verdict(after, before);
        expect(forward.breaking, LOOSEN[change]!.name).toBe(true);
        expect(backward.breaking, LOOSEN[change]!.name).toBe(false);
        expect(backward.changes, LOOSEN[change]!.name).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
