import * as fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arbitraryFromSchema, SchemaGenerationError } from '../../src/arbitraries/index.ts';
import { draw, judge, lenientAjv, rejected } from './helpers.ts';
import { schemaArbitrary } from './schema-fuzz.ts';

interface CorpusCase {
  name: string;
  schema: unknown;
  satisfiable: boolean;
  /** Judged by ajv's draft-07 class. */
  draft?: '07';
  /** The strict validator refuses it (e.g. `$anchor`): judged, and generated, without strict mode. */
  lenient?: boolean;
}

const DIR = 'test/fixtures/arbitraries/corpus';
const CORPUS: Array<CorpusCase & { file: string }> = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((file) => (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as CorpusCase[]).map((c) => ({ ...c, file })));

const SAMPLES = 300;
const SEED = 42;

type Outcome = { kind: 'valid' } | { kind: 'invalid'; example: string } | { kind: 'refused'; error: SchemaGenerationError };

function outcome(c: CorpusCase, verify: boolean): Outcome {
  const validate = judge(c.schema, { draft: c.draft, lenient: c.lenient });
  try {
    const arbitrary = arbitraryFromSchema(c.schema, { verify, ...(c.lenient ? { ajv: lenientAjv() } : {}) });
    const bad = rejected(validate, draw(arbitrary, SAMPLES, SEED));
    return bad.length === 0 ? { kind: 'valid' } : { kind: 'invalid', example: JSON.stringify(bad[0]) };
  } catch (error) {
    if (error instanceof SchemaGenerationError) return { kind: 'refused', error };
    throw error;
  }
}

describe(`the vocabulary corpus (${CORPUS.length} schemas in ${DIR})`, () => {
  const satisfiable = CORPUS.filter((c) => c.satisfiable);
  const unsatisfiable = CORPUS.filter((c) => !c.satisfiable);

  it('is broad: every area of the vocabulary has cases, satisfiable and not', () => {
    expect(new Set(CORPUS.map((c) => c.file))).toEqual(
      new Set(['arrays.json', 'combinators.json', 'draft07.json', 'edge.json', 'numbers.json', 'objects.json', 'openapi.json', 'refs.json', 'strings.json', 'types.json']),
    );
    expect(satisfiable.length).toBeGreaterThanOrEqual(200);
    expect(unsatisfiable.length).toBeGreaterThanOrEqual(30);
  });

  it(`satisfiable schemas: at least 98 % have every one of ${SAMPLES} samples valid, with the guard off`, () => {
    const misses = satisfiable
      .map((c) => ({ c, result: outcome(c, false) }))
      .filter(({ result }) => result.kind !== 'valid')
      .map(({ c, result }) => `${c.file} "${c.name}": ${result.kind === 'invalid' ? `invalid ${result.example}` : result.kind === 'refused' ? result.error.describe() : ''}`);
    const share = 1 - misses.length / satisfiable.length;
    console.info(`corpus: ${satisfiable.length - misses.length}/${satisfiable.length} satisfiable schemas fully valid (${(share * 100).toFixed(1)} %), seed ${SEED}`);
    expect(share, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
  }, 60_000);

  it('with the guard on (the default), no sample is ever invalid', () => {
    const invalid = satisfiable.map((c) => ({ c, result: outcome(c, true) })).filter(({ result }) => result.kind === 'invalid');
    expect(invalid.map(({ c }) => c.name)).toEqual([]);
  }, 60_000);

  it('unsatisfiable schemas are all reported, never sampled', () => {
    const sampled = unsatisfiable.filter((c) => outcome(c, false).kind !== 'refused').map((c) => c.name);
    expect(sampled).toEqual([]);
  });

  it('most unsatisfiable schemas are proven so, not just given up on', () => {
    const proven = unsatisfiable.filter((c) => {
      const result = outcome(c, false);
      return result.kind === 'refused' && result.error.kind === 'unsatisfiable';
    });
    expect(proven.length / unsatisfiable.length).toBeGreaterThanOrEqual(0.85);
  });
});

describe('random schemas over the whole vocabulary', () => {
  const SCHEMAS = 250;
  const ajv = lenientAjv();

  it('every sample of every schema the generator accepts is valid (guard off), and nothing hangs', () => {
    const schemas = fc.sample(schemaArbitrary(), { seed: 7, numRuns: SCHEMAS });
    let built = 0;
    let refused = 0;
    let slowest = 0;
    const invalid: string[] = [];
    for (const schema of schemas) {
      let validate;
      try {
        validate = ajv.compile(schema as object);
      } catch {
        continue; // the validator itself refuses it (e.g. a contradictory minContains)
      }
      const started = performance.now();
      try {
        const values = draw(arbitraryFromSchema(schema, { verify: false, ajv }), 60, 1);
        let bad: unknown[];
        try {
          bad = values.filter((v) => validate(JSON.parse(JSON.stringify(v))) !== true);
        } catch (error) {
          // ajv itself recurses without end on a $ref cycle that consumes no data: it cannot judge.
          if (error instanceof RangeError) continue;
          throw error;
        }
        built++;
        if (bad.length > 0) invalid.push(`${JSON.stringify(schema)} → ${JSON.stringify(bad[0])}`);
      } catch (error) {
        if (!(error instanceof SchemaGenerationError)) throw error;
        refused++;
      }
      slowest = Math.max(slowest, performance.now() - started);
    }
    console.info(`random schemas: ${built} built, ${refused} refused, ${invalid.length} with an invalid sample, slowest ${slowest.toFixed(0)} ms`);
    expect(built).toBeGreaterThan(SCHEMAS / 3);
    expect(invalid.length / built, invalid.slice(0, 3).join('\n')).toBeLessThanOrEqual(0.02);
    expect(slowest).toBeLessThan(5000);
  }, 60_000);
});
