import type { Options } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv } from '../validators/index.ts';

/** The validator generated values must satisfy: a fresh `createAjv()` (RE2 patterns). */
export function createGeneratorAjv(options: Options = {}): Ajv2020 {
  return createAjv(options);
}
