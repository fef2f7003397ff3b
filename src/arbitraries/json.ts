/** JSON-value helpers with JSON Schema's semantics (equality ignores key order; 1 equals 1.0). */
export { cloneJson, deleteAt, isPlainObject, replaceAt, setOwn } from '../util/json.ts';

export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export const ALL_TYPES: readonly JsonType[] = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];

/** The most specific type of a value: `integer` for integral numbers, which are `number`s too. */
export function jsonTypeOf(value: unknown): JsonType | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isFinite(value) ? (Number.isInteger(value) ? 'integer' : 'number') : undefined;
    case 'string':
      return 'string';
    case 'object':
      return Array.isArray(value) ? 'array' : 'object';
    default:
      return undefined;
  }
}

/** Whether `value` is an instance of the JSON Schema type `type`. */
export function hasType(value: unknown, type: JsonType): boolean {
  const actual = jsonTypeOf(value);
  if (actual === undefined) return false;
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const key of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}



/** Number of Unicode code points, the unit of `minLength`/`maxLength`. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  return base + tokens.map((t) => '/' + escapePointerToken(String(t))).join('');
}

/** A JSON pointer as a URI fragment (`#/a%20b/c`), the form `$ref` needs. */
export function pointerToFragment(pointer: string): string {
  return '#' + pointer.split('/').map((t) => encodeURIComponent(t).replace(/%24/g, '$')).join('/');
}

