/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Sets an own enumerable property even for `__proto__`, which plain assignment would not. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Deep copy of JSON data (a property called `__proto__` stays a property). */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) setOwn(out, k, cloneJson(v));
  return out as T;
}

/** A copy of `root` with the value at `path` replaced (or added); only the nodes on the path are copied. */
export function replaceAt(root: unknown, path: ReadonlyArray<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = root.slice();
    copy[head as number] = replaceAt(root[head as number], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  const source = root as Record<string, unknown>;
  for (const k of Object.keys(source)) setOwn(copy, k, source[k]);
  const existing = Object.prototype.hasOwnProperty.call(source, head as string) ? source[head as string] : undefined;
  setOwn(copy, head as string, rest.length === 0 ? replacement : replaceAt(existing, rest, replacement));
  return copy;
}

/** A copy of `root` without the object key at the end of `path`; only the nodes on the path are copied. */
export function deleteAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  if (path.length === 1) {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(root as Record<string, unknown>)) if (k !== path[0]) setOwn(copy, k, v);
    return copy;
  }
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = root.slice();
    copy[head as number] = deleteAt(root[head as number], rest);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(root as Record<string, unknown>)) setOwn(copy, k, k === head ? deleteAt(v, rest) : v);
  return copy;
}
