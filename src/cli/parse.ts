import { usageError } from '../util/errors.ts';

/** An integer flag within bounds, or a usage error naming the flag and what was given. */
export function integerFlag(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw usageError(`${flag} must be an integer from ${min} to ${max} (got "${value}")`);
  return n;
}
