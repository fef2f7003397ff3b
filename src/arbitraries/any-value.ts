import * as fc from 'fast-check';

/**
 * Any JSON value, kept shallow (two levels) and small: what an unconstrained schema (`{}`,
 * `true`, `items` left open) gets. Objects have an ordinary prototype so values compare and
 * serialise like parsed JSON.
 */
const key = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_0123456789'.split('')), minLength: 1, maxLength: 10 });

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.string({ maxLength: 16 }),
);

const shallow = fc.oneof(
  { arbitrary: scalar, weight: 4 },
  { arbitrary: fc.array(scalar, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(key, scalar, { maxKeys: 3, noNullPrototype: true }), weight: 1 },
);

export const anyJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: scalar, weight: 4 },
  { arbitrary: fc.array(shallow, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(key, shallow, { maxKeys: 3, noNullPrototype: true }), weight: 1 },
);

export const anyArray = (maxLength: number): fc.Arbitrary<unknown[]> => fc.array(shallow, { maxLength });

export const anyObject = (maxKeys: number): fc.Arbitrary<Record<string, unknown>> =>
  fc.dictionary(key, shallow, { maxKeys, noNullPrototype: true });

export const propertyKey = key;
