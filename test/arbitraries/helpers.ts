import * as fc from 'fast-check';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { createGeneratorAjv } from '../../src/arbitraries/validator.ts';
import { linearRegExpEngine } from '../../src/validators/index.ts';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof import('ajv-formats').default;

/**
 * The judge of every test: a validator instance of its own (never the generator's), with
 * apiconform's options (createAjv: Ajv2020, strict, RE2 patterns, ajv-formats). draft-07 cases
 * are judged by ajv's draft-07 class with the same options. Patterns go through the keyed RE2
 * engine (see src/arbitraries/validator.ts for the ajv key collision it avoids).
 */
export function judge(schema: unknown, options: { draft?: '07'; lenient?: boolean } = {}): ValidateFunction {
  if (options.draft === '07') {
    const ajv = new Ajv({ strict: !options.lenient, strictTypes: false, strictTuples: false, strictRequired: false, allErrors: true, code: { regExp: linearRegExpEngine } });
    addFormats(ajv);
    return ajv.compile(schema as object);
  }
  const ajv = options.lenient ? lenientAjv() : (shared ??= createGeneratorAjv());
  return ajv.compile(schema as object) as ValidateFunction;
}

let shared: ReturnType<typeof createGeneratorAjv> | undefined;

/** For schemas the strict validator refuses (e.g. `$anchor`, which ajv's strict mode does not know). */
export function lenientAjv() {
  return createGeneratorAjv({ strict: false });
}

export function draw<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, seed = 20261127): T[] {
  return fc.sample(arbitrary, { seed, numRuns });
}

/** The values a validator rejects, with its first error, after a JSON round trip as a body travels. */
export function rejected(validate: ValidateFunction, values: readonly unknown[]): Array<{ value: unknown; error: string }> {
  const out: Array<{ value: unknown; error: string }> = [];
  for (const value of values) {
    const body = JSON.parse(JSON.stringify(value)) as unknown;
    if (validate(body) !== true) out.push({ value, error: JSON.stringify(validate.errors?.[0]) });
  }
  return out;
}
