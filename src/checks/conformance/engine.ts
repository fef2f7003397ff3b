import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { ApiconformError } from '../../util/errors.ts';
import { createAjv } from '../../validators/ajv.ts';
import { codeFingerprint } from '../../util/code-fingerprint.ts';

const require = createRequire(import.meta.url);

/**
 * ajv options for conformance, chosen by measurement (the 1,938 status schemas of the full-size
 * synthetic catalogue that ajv has to compile, one core, CPU time per compile):
 * - `code.optimize: false` — 3.2 ms instead of 5.1 ms: the optimiser prunes redundant branches,
 *   which pays off for a validator called thousands of times, not for one called once or twice;
 * - `validateSchema: false` — 3.2 ms instead of 3.7 ms: every schema reaching ajv is the
 *   normaliser's output, already checked against the 2020-12 meta-schema (and repaired);
 * - `allErrors: true` (createAjv's default): a report lists every violation of an example;
 * - `inlineRefs` and `messages` stay as they are: out-of-line refs and message-less errors saved
 *   under 5 %, and the messages are quoted in the findings.
 * None of these changes what ajv accepts, only the code it generates.
 */
export function createConformanceAjv(): Ajv2020 {
  return createAjv({ validateSchema: false, code: { optimize: false } });
}

/**
 * Identifies everything a cached verdict depends on besides the schema and the body: the code
 * that decides (this folder and src/validators, by content), the versions of ajv, ajv-formats and
 * re2js, and the options and formats of the ajv instance.
 */
export const ENGINE_KEY = engineKey(createConformanceAjv());

function engineKey(ajv: Ajv2020): string {
  const o = ajv.opts;
  const options = { strictSchema: o.strictSchema, strictNumbers: o.strictNumbers, strictTypes: o.strictTypes, strictTuples: o.strictTuples, strictRequired: o.strictRequired, allErrors: o.allErrors, validateFormats: o.validateFormats, unicodeRegExp: o.unicodeRegExp, ownProperties: o.ownProperties, formats: Object.keys(ajv.formats).sort() };
  return [
    'verdicts-v1',
    codeFingerprint(),
    `ajv@${version('ajv')}`,
    `ajv-formats@${version('ajv-formats')}`,
    `re2js@${version('re2js')}`,
    JSON.stringify(options),
  ].join(' ');
}

/** A dependency's version, from its package.json (found upwards of its entry point: not all export it). */
function version(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new ApiconformError('internal', `cannot find the version of ${name}`);
    dir = parent;
  }
}
