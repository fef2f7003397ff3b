/**
 * What the 2020-12 meta-schema requires of the values of keywords the normaliser copies as they
 * are. Checking them here, with a typeof per keyword, replaces a meta-schema validation per
 * schema (ajv's validateSchema cost ~10× more on the full-size catalogue); the test suite
 * keeps the meta-schema as the oracle.
 */
type Check = (value: unknown) => boolean;

const number: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const positive: Check = (v) => number(v) && (v as number) > 0;
const count: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const boolean: Check = (v) => typeof v === 'boolean';
const string: Check = (v) => typeof v === 'string';
const array: Check = (v) => Array.isArray(v);
const uniqueStrings: Check = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string') && new Set(v).size === v.length;

const CHECKS: Record<string, [Check, string]> = {
  multipleOf: [positive, 'a number greater than 0'],
  maximum: [number, 'a number'],
  exclusiveMaximum: [number, 'a number'],
  minimum: [number, 'a number'],
  exclusiveMinimum: [number, 'a number'],
  maxLength: [count, 'a non-negative integer'],
  minLength: [count, 'a non-negative integer'],
  maxItems: [count, 'a non-negative integer'],
  minItems: [count, 'a non-negative integer'],
  maxContains: [count, 'a non-negative integer'],
  minContains: [count, 'a non-negative integer'],
  maxProperties: [count, 'a non-negative integer'],
  minProperties: [count, 'a non-negative integer'],
  uniqueItems: [boolean, 'a boolean'],
  deprecated: [boolean, 'a boolean'],
  readOnly: [boolean, 'a boolean'],
  writeOnly: [boolean, 'a boolean'],
  title: [string, 'a string'],
  description: [string, 'a string'],
  $comment: [string, 'a string'],
  format: [string, 'a string'],
  contentEncoding: [string, 'a string'],
  contentMediaType: [string, 'a string'],
  $anchor: [(v) => typeof v === 'string' && /^[A-Za-z_][-A-Za-z0-9._]*$/.test(v), 'a plain name'],
  $dynamicAnchor: [(v) => typeof v === 'string' && /^[A-Za-z_][-A-Za-z0-9._]*$/.test(v), 'a plain name'],
  $dynamicRef: [string, 'a string'],
  enum: [array, 'an array'],
  examples: [array, 'an array'],
  required: [uniqueStrings, 'an array of distinct names'],
  dependentRequired: [
    (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(uniqueStrings),
    'an object of arrays of distinct names',
  ],
};

/** What the value of `keyword` should be, when it is not; undefined when it is fine (or unchecked). */
export function keywordValueProblem(keyword: string, value: unknown): string | undefined {
  const check = CHECKS[keyword];
  return check && !check[0](value) ? check[1] : undefined;
}
