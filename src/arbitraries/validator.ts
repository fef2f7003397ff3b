import type { Options } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv, linearRegExpEngine } from '../validators/index.ts';

/**
 * ajv keys compiled patterns by `regExp(pattern).toString()` (ajv/lib/vocabularies/code.ts,
 * `usePattern`). `linearRegExpEngine` returns a plain `{ test }` object, whose toString is
 * "[object Object]" for every pattern, so within one ajv instance every `pattern` and
 * `patternProperties` after the first silently reuses the first compiled pattern. Until that is
 * fixed in src/validators, the generator's validator wraps the engine so that each compiled
 * pattern has its own key.
 */
export const keyedLinearRegExpEngine: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    const compiled = linearRegExpEngine(pattern, flags);
    return { test: (text: string) => compiled.test(text), toString: () => `/${pattern}/${flags}` };
  },
  { code: linearRegExpEngine.code },
);

/** `createAjv()` with patterns keyed correctly: the validator generated values must satisfy. */
export function createGeneratorAjv(options: Options = {}): Ajv2020 {
  return createAjv({ ...options, code: { ...options.code, regExp: keyedLinearRegExpEngine } });
}
