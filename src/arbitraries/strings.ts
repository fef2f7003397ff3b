import * as fc from 'fast-check';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { boundedFilter } from './bounded.ts';
import { unsatisfiable, unsupported } from './errors.ts';
import { FORMAT_ARBITRARIES, FREE_FORMATS, formatCheck, type FormatCheck } from './formats.ts';
import { codePointLength } from './json.ts';
import type { StringConstraints } from './node.ts';
import { compilePattern, patternArbitrary } from './regex.ts';

export interface StringEnvironment {
  ajv: Ajv2020;
  attempts: number;
  formats: Record<string, fc.Arbitrary<string>>;
  unknownFormats: 'ignore' | 'unsupported';
}

/** One code point per unit (the unit of `minLength`), mostly printable ASCII, never a lone surrogate. */
const codePoint = fc.oneof(
  { arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), weight: 12 },
  { arbitrary: fc.integer({ min: 0xa0, max: 0x10ffff - 0x800 }).map((c) => String.fromCodePoint(c >= 0xd800 ? c + 0x800 : c)), weight: 1 },
);

/** Room above `minLength` for strings without `maxLength`. */
const LENGTH_SPAN = 24;
/** Draws used to pick the better of two strategies (pattern-first, format-first). */
const PROBE_RUNS = 24;
const PROBE_SEED = 0x5eed;
/** Upper bound of the adaptive search for strings that pass rarely. */
const MAX_ATTEMPTS = 8000;

/**
 * Strings meeting lengths (in code points), every `pattern` (RE2, as the validator runs them)
 * and every `format` (the validator's own format test). One of them drives generation: a format
 * generator, or the pattern walker, or plain strings; the rest are checked, with a bounded search.
 * A short seeded probe picks the strategy that passes most often (format-first or pattern-first)
 * and sizes the search to its pass rate; a combination no probe draw satisfies is reported as
 * `unsupported` (format "uuid" with maxLength 10 admits nothing, but that is not proven here).
 */
export function stringArbitrary(str: StringConstraints, env: StringEnvironment): fc.Arbitrary<string> {
  const min = str.minLength;
  const max = str.maxLength;
  if (max !== undefined && min > max) throw unsatisfiable(str.pointer, `minLength ${min} exceeds maxLength ${max}`);
  const patterns = str.patterns.map((p) => compilePattern(p, str.pointer));
  for (const p of patterns) {
    if (!p.canMatch) throw unsatisfiable(str.pointer, `pattern ${JSON.stringify(p.source)} matches no string`);
  }
  const checks: FormatCheck[] = [];
  const generators: Array<fc.Arbitrary<string>> = [];
  for (const name of str.formats) {
    const check = formatCheck(env.ajv, name);
    if (check) checks.push(check);
    const custom = env.formats[name] ?? FORMAT_ARBITRARIES[name];
    if (custom) generators.push(custom);
    else if (!FREE_FORMATS.has(name) && env.unknownFormats === 'unsupported') {
      throw unsupported(str.pointer, `no generator for format "${name}" (pass one in options.formats)`);
    }
  }
  const accepts = (s: unknown): s is string =>
    typeof s === 'string' && lengthOk(s, min, max) && patterns.every((p) => p.test(s)) && checks.every((check) => check(s));

  const strategies: Array<fc.Arbitrary<string | undefined>> = [];
  if (generators.length > 0) strategies.push(generators[0]!);
  if (patterns.length > 0) strategies.push(patternArbitrary(patterns[0]!, min, max));
  if (strategies.length === 0) {
    const plain = fc.string({ unit: codePoint, minLength: min, maxLength: Math.min(max ?? Infinity, min + LENGTH_SPAN) });
    if (checks.length === 0) return plain;
    strategies.push(plain);
  }
  const exhausted = () =>
    unsupported(str.pointer, `could not generate a string meeting ${describe(str)} within the search bound`);
  // One constraint driving generation (a format, or a pattern, with no length bounds) is met by
  // nearly every draw: no probe needed.
  const single = strategies.length === 1 && min === 0 && max === undefined && patterns.length + str.formats.length <= 1;
  if (single) return boundedFilter(strategies[0]!, accepts, env.attempts, exhausted) as fc.Arbitrary<string>;
  // Probe each strategy with a fixed seed; the best one is used, with a search bound sized to
  // its pass rate (a rare-but-possible combination gets more attempts, within a cap). A rate
  // seen on a few successes is refined with a longer probe, so the bound is not set by luck.
  let best: { strategy: fc.Arbitrary<string | undefined>; rate: number } | undefined;
  for (const strategy of strategies) {
    let passed = fc.sample(strategy, { seed: PROBE_SEED, numRuns: PROBE_RUNS }).filter(accepts).length;
    let runs = PROBE_RUNS;
    if (passed < 6) {
      passed += fc.sample(strategy, { seed: PROBE_SEED + 1, numRuns: PROBE_RUNS * 8 }).filter(accepts).length;
      runs += PROBE_RUNS * 8;
    }
    const rate = passed / runs;
    if (rate > 0 && (!best || rate > best.rate)) best = { strategy, rate };
  }
  if (!best) throw exhausted();
  const attempts = Math.min(MAX_ATTEMPTS, Math.max(env.attempts, Math.ceil(30 / best.rate)));
  return boundedFilter(best.strategy, accepts, attempts, exhausted) as fc.Arbitrary<string>;
}

function lengthOk(s: string, min: number, max: number | undefined): boolean {
  if (min === 0 && max === undefined) return true;
  const n = codePointLength(s);
  return n >= min && (max === undefined || n <= max);
}

function describe(str: StringConstraints): string {
  const parts: string[] = [];
  if (str.minLength > 0) parts.push(`minLength ${str.minLength}`);
  if (str.maxLength !== undefined) parts.push(`maxLength ${str.maxLength}`);
  for (const p of str.patterns) parts.push(`pattern ${JSON.stringify(p)}`);
  for (const f of str.formats) parts.push(`format "${f}"`);
  return parts.join(', ') || 'its constraints';
}
