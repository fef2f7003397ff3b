import * as fc from 'fast-check';
import { canonicalJson } from '../util/canonical-json.ts';
import { boundedFilter } from './bounded.ts';
import { createBuilder } from './build.ts';
import { prepareDocument, type PreparedDocument } from './document.ts';
import { RecursionExhausted, unsupported } from './errors.ts';
import { pickMutation, type MutatedValue, type MutationKind } from './mutations.ts';
import { optionsKey, resolveOptions, type ArbitraryOptions, type ResolvedOptions } from './options.ts';

export interface NegativeOptions extends ArbitraryOptions {
  /** Only these mutations (default: every kind the schema forbids). */
  kinds?: readonly MutationKind[];
}

/** Seed and size of the probe that runs at construction. */
const PROBE = { seed: 0x0a9c0f, numRuns: 4 };
const CACHE_LIMIT = 512;

interface Prepared {
  doc: PreparedDocument;
  options: ResolvedOptions;
  /** Values as the structural generator makes them. */
  structural: fc.Arbitrary<unknown>;
  /** The same, each checked by the validator before it is handed out. */
  guarded: fc.Arbitrary<unknown>;
}

const cache = new Map<string, Prepared>();

/** A fast-check arbitrary of values valid against `schema`. Throws `SchemaGenerationError`. */
export function arbitraryFromSchema(schema: unknown, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const prepared = prepare(schema, options);
  return prepared.options.verify ? prepared.guarded : prepared.structural;
}

/**
 * Values the schema must reject: a valid value with one forbidden mutation applied, as
 * `{ value, mutation: { kind, pointer, description } }`. Only mutations the validator really
 * rejects are emitted. Throws `SchemaGenerationError` when the schema has no valid value, or
 * admits every value (so nothing can be rejected).
 */
export function negativeArbitraryFromSchema(schema: unknown, options: NegativeOptions = {}): fc.Arbitrary<MutatedValue> {
  // Mutations start from valid values, so the guarded arbitrary is used whatever `verify` says.
  const { doc, options: resolved, guarded: positive } = prepare(schema, options);
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const mutated = fc.tuple(positive, fc.nat()).map(([value, choice]) => pickMutation(doc, value, choice, kinds));
  const negative = boundedFilter(mutated, (m): m is MutatedValue => m !== undefined, resolved.attempts, () =>
    unsupported(doc.entryPointer, 'no mutation of a valid value is rejected by the schema (does it accept every value?)'),
  ) as fc.Arbitrary<MutatedValue>;
  probe(negative);
  return negative;
}

/** Values for mocks and scripts: `count` valid values from a fixed `seed`. */
export function sampleFromSchema(schema: unknown, sample: { seed: number; count: number }, options: ArbitraryOptions = {}): unknown[] {
  return fc.sample(arbitraryFromSchema(schema, options), { seed: sample.seed, numRuns: sample.count });
}

function prepare(schema: unknown, options: ArbitraryOptions): Prepared {
  const resolved = resolveOptions(options);
  const cacheable = options.ajv === undefined && Object.keys(resolved.formats).length === 0;
  // `verify` only picks between the two arbitraries a preparation holds: not part of the key.
  const key = cacheable ? `${canonicalJson(schema)}\n${optionsKey({ ...resolved, verify: true })}` : undefined;
  const hit = key === undefined ? undefined : cache.get(key);
  if (hit) return { ...hit, options: resolved };

  const doc = prepareDocument(schema, resolved.pointer, options.ajv, resolved.schemas);
  const builder = createBuilder(doc, resolved);
  let structural: fc.Arbitrary<unknown>;
  try {
    structural = builder.build([doc.entry], 0, doc.entryPointer);
  } catch (error) {
    throw asGenerationError(error, doc.entryPointer);
  }
  // Compiled now, so that a schema the validator cannot compile is refused at construction.
  const entryValidator = doc.entryValidator;
  const guarded = boundedFilter(structural, (value) => entryValidator(value) === true, resolved.attempts, () =>
    unsupported(doc.entryPointer, `no valid value within ${resolved.attempts} attempts: the generator and the validator disagree on this schema`),
  );
  probe(resolved.verify ? guarded : structural);
  const prepared = { doc, options: resolved, structural, guarded };
  if (key !== undefined) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, prepared);
  }
  return prepared;
}

function asGenerationError(error: unknown, pointer: string): unknown {
  if (error instanceof RecursionExhausted) {
    return unsupported(error.pointer || pointer, `${error.message}; every value seems to need deeper recursion than maxDepth allows (raise maxDepth, or the schema admits no finite value)`);
  }
  return error;
}

/** Draws a few values with a fixed seed so that a search that keeps running dry fails here. */
function probe(arbitrary: fc.Arbitrary<unknown>): void {
  fc.sample(arbitrary, PROBE);
}
