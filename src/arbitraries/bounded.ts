import * as fc from 'fast-check';

/**
 * `arb.filter(predicate)` with a bound: fast-check's own filter retries forever, which a schema
 * whose constraints the structural generator cannot meet would turn into a hang. After
 * `attempts` rejected draws this one throws `onExhausted()` (a typed error the caller reports).
 * Shrinking keeps only candidates that still pass, so counterexamples stay valid.
 */
export class BoundedFilterArbitrary<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly arb: fc.Arbitrary<T>,
    private readonly predicate: (value: T) => boolean,
    private readonly attempts: number,
    private readonly onExhausted: () => Error,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    for (let i = 0; i < this.attempts; i++) {
      const candidate = this.arb.generate(mrng, biasFactor);
      if (this.predicate(candidate.value_)) return candidate;
    }
    throw this.onExhausted();
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.arb.canShrinkWithoutContext(value) && this.predicate(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.arb.shrink(value, context).filter((candidate) => this.predicate(candidate.value_));
  }
}

export function boundedFilter<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => boolean, attempts: number, onExhausted: () => Error): fc.Arbitrary<T> {
  return new BoundedFilterArbitrary(arb, predicate, attempts, onExhausted);
}

/**
 * Like `boundedFilter`, but running dry is not an error: the arbitrary yields `undefined`
 * (used for optional parts of a value — an extra property that could not be named — which
 * can simply be left out).
 */
export function softFilter<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => boolean, attempts: number): fc.Arbitrary<T | undefined> {
  return new OptionalSearchArbitrary(arb, predicate, attempts);
}

/** A value drawn with a bounded search, or `undefined` when the search ran dry. */
export class OptionalSearchArbitrary<T> extends fc.Arbitrary<T | undefined> {
  constructor(
    private readonly arb: fc.Arbitrary<T>,
    private readonly predicate: (value: T) => boolean,
    private readonly attempts: number,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T | undefined> {
    for (let i = 0; i < this.attempts; i++) {
      const candidate = this.arb.generate(mrng, biasFactor);
      if (this.predicate(candidate.value_)) return candidate;
    }
    return new fc.Value(undefined, undefined);
  }

  canShrinkWithoutContext(value: unknown): value is T | undefined {
    return value === undefined || (this.arb.canShrinkWithoutContext(value) && this.predicate(value));
  }

  shrink(value: T | undefined, context: unknown): fc.Stream<fc.Value<T | undefined>> {
    if (value === undefined) return fc.Stream.nil();
    return this.arb.shrink(value, context).filter((candidate) => this.predicate(candidate.value_));
  }
}

/**
 * `fc.uniqueArray` with a `minLength`, bounded: fast-check enforces the minimum with an unbounded
 * `.filter`, which never ends when fewer distinct items exist than required (a `uniqueItems` array
 * of an enum too small for its `minItems`).
 */
export function boundedUniqueArray<T>(
  arb: fc.Arbitrary<T>,
  constraints: { minLength: number; maxLength: number; comparator?: (a: T, b: T) => boolean; selector?: (value: T) => unknown },
  attempts: number,
  onExhausted: () => Error,
): fc.Arbitrary<T[]> {
  const { minLength, maxLength, comparator, selector } = constraints;
  const unique = comparator
    ? fc.uniqueArray(arb, { maxLength, comparator })
    : fc.uniqueArray(arb, { maxLength, selector: selector ?? ((v: T) => v) });
  return minLength === 0 ? unique : boundedFilter(unique, (items) => items.length >= minLength, attempts, onExhausted);
}

/** Thrown inside a draw that has made more nodes than the budget allows (caught by the outermost draw). */
class BudgetExceeded extends Error {}

/** Nodes made by the current outermost draw of a counted arbitrary, and how deep draws are nested. */
let drawn = 0;
let nesting = 0;

/**
 * Counts the values a draw makes, so that no draw can grow beyond `budget` nodes whatever the
 * schema (a recursive list of fifty lists of fifty…): every schema-level arbitrary is wrapped,
 * and a draw that passes the budget is abandoned at once. The outermost draw retries a few
 * times (the random stream has moved on), then throws `onExhausted()`.
 */
export class CountedArbitrary<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly arb: fc.Arbitrary<T>,
    /** What one value counts for (a string of minLength n: 1 + n). */
    private readonly weight: number,
    private readonly budget: number,
    private readonly retries: number,
    private readonly onExhausted: () => Error,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    if (nesting > 0) {
      drawn += this.weight;
      if (drawn > this.budget) throw new BudgetExceeded();
      nesting++;
      try {
        return this.arb.generate(mrng, biasFactor);
      } finally {
        nesting--;
      }
    }
    for (let attempt = 0; attempt < this.retries; attempt++) {
      drawn = this.weight;
      nesting = 1;
      try {
        return this.arb.generate(mrng, biasFactor);
      } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
      } finally {
        nesting = 0;
      }
    }
    throw this.onExhausted();
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.arb.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.arb.shrink(value, context);
  }
}
