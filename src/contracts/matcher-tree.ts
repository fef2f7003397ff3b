import { appendPointer } from '../schemas/index.ts';
import { isPlainObject } from '../util/json.ts';
import { compileLinearRegExp } from '../validators/regexp.ts';

/**
 * What a contract checks about one value of a response body, as data. The inference
 * (matchers.ts) builds this tree; `toPact` (to-pact.ts) turns it into Pact's own matchers (the
 * consumer DSL's `like`, `integer`, `regex`…) only at the edge, and `satisfies` answers "would
 * Pact accept this value?" so the inference can prove that the catalogue example passes its own
 * contract (the mock provider serves that example, and verification against the mock must pass).
 */
export type MatcherNode =
  /** Any value of the example's JSON type (Pact `type`). */
  | { kind: 'type'; example: string | number | boolean }
  | { kind: 'integer'; example: number }
  /** Any JSON number, integer or not (Pact `number`; `decimal` would reject `1`). */
  | { kind: 'number'; example: number }
  | { kind: 'boolean'; example: boolean }
  | { kind: 'null' }
  /** A string the whole of which matches `regex` (Pact anchors regexes at both ends). */
  | { kind: 'regex'; regex: string; example: string; reason: RegexReason }
  /** A calendar date `yyyy-MM-dd` (Pact `date`, which checks month and day ranges). */
  | { kind: 'date'; example: string }
  /** Exactly this value (Pact `equality`): only for `const` and one-member `enum`. */
  | { kind: 'equal'; example: unknown }
  /** An object with at least these keys (Pact ignores keys it does not expect). */
  | { kind: 'object'; properties: Record<string, MatcherNode> }
  /** An array whose every element matches `template`, with at least `min` (at most `max`) of them. */
  | { kind: 'array'; template: MatcherNode; min: number; max?: number }
  /** Any array (`like([])`): used when the example array is empty or its elements share no shape. */
  | { kind: 'any-array' };

export type RegexReason = 'pattern' | 'enum' | 'date-time' | 'time' | 'uuid';

/**
 * Whether Pact would accept `value` under `node` — the semantics measured against the Pact
 * verifier (pact_models 1.3): regexes match the whole string, `type` on numbers accepts any
 * number, objects may carry keys the matcher does not name, array bounds are inclusive.
 * test/contracts/pact-semantics.test.ts holds this model against the real verifier.
 */
export function satisfies(node: MatcherNode, value: unknown): boolean {
  switch (node.kind) {
    case 'type':
      return typeof value === typeof node.example && value !== null;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'regex':
      return typeof value === 'string' && fullMatch(node.regex, value);
    case 'date':
      return typeof value === 'string' && isFullDate(value);
    case 'equal':
      return deepEqual(node.example, value);
    case 'object':
      return isPlainObject(value) && Object.entries(node.properties).every(([key, child]) => Object.hasOwn(value, key) && satisfies(child, value[key]));
    case 'array':
      return (
        Array.isArray(value) &&
        value.length >= node.min &&
        (node.max === undefined || value.length <= node.max) &&
        value.every((item) => satisfies(node.template, item))
      );
    case 'any-array':
      return Array.isArray(value);
  }
}

/**
 * Where Pact would reject `value` under `node`: the JSON pointer of the first value that fails
 * its matcher (an absent key: the key's pointer), or undefined when `satisfies` holds.
 */
export function mismatchAt(node: MatcherNode, value: unknown, pointer = ''): string | undefined {
  if (node.kind === 'object' && isPlainObject(value)) {
    for (const [key, child] of Object.entries(node.properties)) {
      const at = appendPointer(pointer, key);
      if (!Object.hasOwn(value, key)) return at;
      const inner = mismatchAt(child, value[key], at);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  if (node.kind === 'array' && Array.isArray(value) && value.length >= node.min && (node.max === undefined || value.length <= node.max)) {
    for (let i = 0; i < value.length; i++) {
      const inner = mismatchAt(node.template, value[i], appendPointer(pointer, i));
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  return satisfies(node, value) ? undefined : pointer;
}

const regexCache = new Map<string, { test(s: string): boolean }>();

/** Full-string match with RE2 (linear time; the same syntax family as Pact's Rust regex). */
export function fullMatch(regex: string, value: string): boolean {
  let re = regexCache.get(regex);
  if (!re) {
    const compiled = compileLinearRegExp(`^(?:${regex})$`);
    re = { test: (s: string) => compiled.matches(s) };
    regexCache.set(regex, re);
  }
  return re.test(value);
}

export function isFullDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export { isPlainObject };

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}
