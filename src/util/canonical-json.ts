import { MAX_JSON_DEPTH, jsonText } from './json-depth.ts';

/**
 * Canonical JSON: object keys sorted, no whitespace. Two values that are equal as JSON give the
 * same text, so hashing the text deduplicates schemas regardless of key order. Schemas are hashed
 * by the thousand, so the usual case takes a recursive walk (~3× faster); one nested deeper than
 * MAX_JSON_DEPTH (a findings file, a provider body) goes to the iterative jsonText instead, so no
 * nesting overflows the stack.
 */
export function canonicalJson(value: unknown): string {
  try {
    return shallowCanonical(value, 0);
  } catch (error) {
    if (error !== TOO_DEEP) throw error;
    return jsonText(value, { sortKeys: true }) ?? 'null';
  }
}

const TOO_DEEP = Symbol('too deep');

function shallowCanonical(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (depth >= MAX_JSON_DEPTH) throw TOO_DEEP;
  if (Array.isArray(value)) return `[${value.map((item) => shallowCanonical(item, depth + 1)).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${shallowCanonical(item, depth + 1)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * Pretty, key-sorted JSON for generated files (deterministic, diff-friendly). For catalogue
 * schemas only, which the reader has already bounded to MAX_JSON_DEPTH.
 */
export function stableStringify(value: unknown, indent = 2): string {
  return JSON.stringify(sortKeysDeep(value), null, indent);
}

export function sortKeysDeep(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = sortKeysDeep(item);
  }
  return out;
}
