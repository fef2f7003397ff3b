import type { Options } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv } from '../validators/index.ts';

/**
 * The validator generated values must satisfy: `createAjv()` (RE2 patterns, ajv-formats) with
 * strict mode off. Every legal schema must be generated for, and ajv's strict mode refuses legal
 * ones (`if` without `then`, `minContains` without `contains`, a property that also matches a
 * `patternProperties` pattern, a format it does not know). Without it those keywords mean what
 * the specification says (nothing, in those cases) and an unknown format is an annotation.
 * apiconform's own validator keeps strict mode: its schemas are normalised first.
 */
export function createGeneratorAjv(options: Options = {}): Ajv2020 {
  return createAjv({ strict: false, logger: false, ...options });
}
