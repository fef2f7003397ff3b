import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { linearRegExpEngine } from './regexp.ts';

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof import('ajv-formats').default;

/**
 * The one way apiconform makes an ajv instance (JSON Schema 2020-12), with its options chosen
 * deliberately:
 * - `strict: true` for unknown keywords: the normaliser has already removed or rewritten every
 *   keyword that is not 2020-12, so an unknown keyword here is a bug, not catalogue noise;
 *   `strictTypes`/`strictTuples`/`strictRequired` are off because OpenAPI-derived schemas
 *   legitimately use `properties` without `type: object` and open tuples.
 * - `allErrors: true` so a report lists every violation of an example, not just the first.
 * - `code.regExp`: RE2 (linear time) instead of RegExp, so no `pattern` can hang the tool.
 * - no `loadSchema`: a remote `$ref` is never fetched (the normaliser has already replaced it).
 * - `validateFormats: true` with ajv-formats: `format` is asserted, as users of these schemas
 *   expect (`""` is not a date-time).
 */
export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allErrors: true,
    validateFormats: true,
    ...options,
    // merged, not replaced: a caller tuning `code` (e.g. `optimize`) must not lose the RE2 engine
    code: { regExp: linearRegExpEngine, ...options.code },
  });
  addFormats(ajv);
  // ajv resolves `$anchor` but its strict mode does not list it as a keyword: declare it.
  ajv.addKeyword({ keyword: '$anchor', schemaType: 'string' });
  return ajv;
}
