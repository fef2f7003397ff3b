import * as fc from 'fast-check';
import { boundedFilter } from './bounded.ts';
import { unsatisfiable, unsupported } from './errors.ts';
import type { NumberConstraints } from './node.ts';

/**
 * Numbers within bounds and `multipleOf`, generated so that the validator agrees.
 *
 * `multipleOf` is exact arithmetic: a value is `k · m` for an integer `k`, with `m` (and the
 * bounds) read as the decimals the schema wrote (`0.01` is 1/100, not the nearest double), and
 * several `multipleOf`s (from `allOf`) folded into their least common multiple. The value is then
 * the double nearest to the decimal `k · m`. ajv however tests `x / m` in floating point and
 * rejects `0.07` for `multipleOf: 0.01` (0.07 / 0.01 = 7.000000000000001), so each candidate is
 * also checked the way ajv checks it and the few that drift are skipped (a bounded search; `k = 0`
 * always passes, so shrinking ends on a valid value).
 */
export interface NumberEnvironment {
  attempts: number;
  /** ajv's `multipleOfPrecision` option, if set. */
  multipleOfPrecision?: number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** |k| bound: beyond 1e15, `x / m` reaches 1e21 where ajv's parseInt-based test breaks. */
const MAX_MULTIPLIER = 1e15;
const DEFAULT_SPAN = 2 ** 31;

export function numberArbitrary(num: NumberConstraints, integerOnly: boolean, env: NumberEnvironment): fc.Arbitrary<number> {
  const integral = integerOnly || num.integral;
  checkBounds(num);
  const accepts = numberPredicate(num, integral, env.multipleOfPrecision);
  const exhausted = () => unsupported(num.pointer, 'could not generate a number meeting its bounds and multipleOf');
  if (num.multipleOf.length > 0 || integral) {
    const step = stepOf(num.multipleOf, integral);
    const ks = multiplierRange(num, step);
    if (ks.empty) {
      throw unsatisfiable(num.pointer, `no ${integral ? 'integer' : 'multiple of ' + decimalText(step)} lies within ${rangeText(num)}`);
    }
    if (ks.unsafe) {
      // Bounds beyond 2^53: every double there is an integer, but not every one is a multiple.
      const lo = num.min ?? -Number.MAX_VALUE;
      const hi = num.max ?? Number.MAX_VALUE;
      return boundedFilter(fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }), accepts, env.attempts, exhausted);
    }
    const arb = fc.integer({ min: ks.min, max: ks.max }).map((k) => valueOf(k, step));
    // Integers within the safe range are exact; only decimal steps can drift in ajv's test.
    if (num.multipleOf.length === 0 && step.scale === 0 && step.digits === 1n) return arb;
    return boundedFilter(arb, accepts, env.attempts, exhausted);
  }
  const min = num.min ?? -Number.MAX_VALUE;
  const max = num.max ?? Number.MAX_VALUE;
  let doubles: fc.Arbitrary<number>;
  try {
    doubles = fc.double({ min, max, minExcluded: num.minExclusive, maxExcluded: num.maxExclusive, noNaN: true, noDefaultInfinity: true });
  } catch (error) {
    throw unsatisfiable(num.pointer, `no number lies within ${rangeText(num)} (${(error as Error).message})`);
  }
  // Integral values are what most APIs send; keep them frequent alongside arbitrary doubles.
  const integers = safeIntegerRange(num);
  const arb = integers ? fc.oneof(fc.integer(integers), doubles) : doubles;
  return boundedFilter(arb, accepts, env.attempts, exhausted);
}

function checkBounds(num: NumberConstraints): void {
  if (num.min === undefined || num.max === undefined) return;
  if (num.min > num.max || (num.min === num.max && (num.minExclusive || num.maxExclusive))) {
    throw unsatisfiable(num.pointer, `the range ${rangeText(num)} is empty`);
  }
}

function rangeText(num: NumberConstraints): string {
  const lo = num.min === undefined ? '(-∞' : `${num.minExclusive ? '(' : '['}${num.min}`;
  const hi = num.max === undefined ? '+∞)' : `${num.max}${num.maxExclusive ? ')' : ']'}`;
  return `${lo}, ${hi}`;
}

/** ajv's own tests: type, bounds, and `multipleOf` as `x / m` in floating point. */
export function numberPredicate(num: NumberConstraints, integral: boolean, precision?: number): (x: number) => boolean {
  return (x) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) return false;
    if (integral && !Number.isInteger(x)) return false;
    if (num.min !== undefined && (num.minExclusive ? x <= num.min : x < num.min)) return false;
    if (num.max !== undefined && (num.maxExclusive ? x >= num.max : x > num.max)) return false;
    for (const m of num.multipleOf) if (!ajvMultipleOf(x, m, precision)) return false;
    return true;
  };
}

export function ajvMultipleOf(x: number, m: number, precision?: number): boolean {
  const q = x / m;
  if (precision !== undefined) return Math.abs(Math.round(q) - q) <= 10 ** -precision;
  return q === parseInt(String(q), 10);
}

/** An exact decimal: `digits / 10^scale`. */
export interface Decimal {
  digits: bigint;
  scale: number;
}

/** The decimal a JSON number was written as (its shortest round-trip form). */
export function toDecimal(x: number): Decimal {
  const text = String(x);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new RangeError(`not a finite number: ${text}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let digits = BigInt(`${sign}${whole}${fraction}`);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

function decimalText(d: Decimal): string {
  if (d.scale === 0) return d.digits.toString();
  const negative = d.digits < 0n;
  const text = (negative ? -d.digits : d.digits).toString().padStart(d.scale + 1, '0');
  return `${negative ? '-' : ''}${text.slice(0, -d.scale)}.${text.slice(-d.scale)}`;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function rescale(d: Decimal, scale: number): bigint {
  return d.digits * 10n ** BigInt(scale - d.scale);
}

/** Least common multiple of the `multipleOf`s (and 1 for integers), as an exact decimal. */
export function stepOf(multiples: readonly number[], integral: boolean): Decimal {
  const all = multiples.map(toDecimal);
  if (integral) all.push({ digits: 1n, scale: 0 });
  const scale = Math.max(...all.map((d) => d.scale));
  let lcm = 1n;
  for (const d of all) {
    const v = rescale(d, scale);
    lcm = (lcm / gcd(lcm, v)) * v;
  }
  // Normalise: strip common factors of ten.
  let digits = lcm;
  let s = scale;
  while (s > 0 && digits % 10n === 0n) {
    digits /= 10n;
    s--;
  }
  return { digits, scale: s };
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b < a ? q + 1n : q;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b > a ? q - 1n : q;
}

interface MultiplierRange {
  empty: boolean;
  unsafe: boolean;
  min: number;
  max: number;
}

/** Integers k with k · step inside the bounds (exact), clamped to what doubles represent. */
function multiplierRange(num: NumberConstraints, step: Decimal): MultiplierRange {
  let kMin: bigint | undefined;
  let kMax: bigint | undefined;
  if (num.min !== undefined) {
    const lo = toDecimal(num.min);
    const scale = Math.max(lo.scale, step.scale);
    const a = rescale(lo, scale);
    const b = rescale(step, scale);
    kMin = ceilDiv(a, b);
    if (num.minExclusive && kMin * b === a) kMin += 1n;
  }
  if (num.max !== undefined) {
    const hi = toDecimal(num.max);
    const scale = Math.max(hi.scale, step.scale);
    const a = rescale(hi, scale);
    const b = rescale(step, scale);
    kMax = floorDiv(a, b);
    if (num.maxExclusive && kMax * b === a) kMax -= 1n;
  }
  if (kMin !== undefined && kMax !== undefined && kMin > kMax) return { empty: true, unsafe: false, min: 0, max: 0 };
  const limit = BigInt(Math.min(MAX_MULTIPLIER, MAX_SAFE));
  const span = BigInt(DEFAULT_SPAN);
  let lo = kMin ?? (kMax !== undefined ? (kMax < 0n ? kMax - span : -span) : -span);
  let hi = kMax ?? (kMin !== undefined ? (kMin > 0n ? kMin + span : span) : span);
  if (lo > limit || hi < -limit) return { empty: false, unsafe: true, min: 0, max: 0 };
  if (lo < -limit) lo = -limit;
  if (hi > limit) hi = limit;
  return { empty: false, unsafe: false, min: Number(lo), max: Number(hi) };
}

/** The double nearest to the decimal k · step. */
function valueOf(k: number, step: Decimal): number {
  const digits = BigInt(k) * step.digits;
  return step.scale === 0 ? Number(digits) : Number(`${digits}e-${step.scale}`);
}

function safeIntegerRange(num: NumberConstraints): { min: number; max: number } | undefined {
  let lo = num.min === undefined ? -DEFAULT_SPAN : num.minExclusive ? Math.floor(num.min) + 1 : Math.ceil(num.min);
  let hi = num.max === undefined ? DEFAULT_SPAN : num.maxExclusive ? Math.ceil(num.max) - 1 : Math.floor(num.max);
  if (num.min !== undefined && num.max === undefined) hi = Math.max(lo, 0) + DEFAULT_SPAN;
  if (num.max !== undefined && num.min === undefined) lo = Math.min(hi, 0) - DEFAULT_SPAN;
  lo = Math.max(lo, -MAX_SAFE);
  hi = Math.min(hi, MAX_SAFE);
  return lo <= hi ? { min: lo, max: hi } : undefined;
}
