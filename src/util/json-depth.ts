/**
 * Catalogue bodies and schemas are untrusted: a 20,000-deep array parses fine with JSON.parse
 * but overflows the stack of every recursive walk after it (hashing, normalising, typing,
 * validating). Depth is measured iteratively and anything deeper than the limit is rejected.
 */
export const MAX_JSON_DEPTH = 200;

/** Depth of a parsed JSON value (a scalar is 0), stopping early once `limit` is exceeded. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    const inner = depth + 1;
    if (inner > max) {
      max = inner;
      if (max > limit) return max;
    }
    const children = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, inner]);
  }
  return max;
}

/**
 * Cheap pre-check on the text before parsing: the deepest bracket nesting outside strings. String
 * contents (most of a JSON text) are skipped with indexOf rather than read character by character.
 */
export function textNestingDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i = closingQuote(text, i + 1);
      if (i === -1) return max; // unterminated string: JSON.parse will say so
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return max;
}

/** Index of the quote that closes a string whose content starts at `from` (or -1). */
function closingQuote(text: string, from: number): number {
  for (let at = text.indexOf('"', from); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    for (let k = at - 1; k >= from && text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/**
 * The one way to walk JSON-like data of unknown depth (provider bodies, findings evidence,
 * catalogue JSON): iteratively, with an explicit stack, so that no nesting overflows the call
 * stack. `jsonText` serialises, `mapJson` copies with strings and keys mapped.
 */
export interface JsonTextOptions {
  /** Object keys in sorted order (canonical JSON). */
  sortKeys?: boolean;
  /** Pretty-print with this many spaces, as JSON.stringify does. */
  indent?: number;
  /** Containers deeper than this are written as `[…]` / `{…}` (an excerpt, no longer JSON). */
  maxDepth?: number;
  /** Stop writing past this many characters and end the text with `…`. */
  maxLength?: number;
}

type Frame =
  | { kind: 'array'; items: readonly unknown[]; index: number; depth: number; node: object }
  | { kind: 'object'; source: Record<string, unknown>; keys: string[]; index: number; depth: number; written: boolean; node: object };

/**
 * JSON.stringify's text for any value, without recursion: bigints are written as strings, an
 * object repeated on its own path as `"[circular]"`; `undefined` at the root gives `undefined`.
 * With `maxLength` it costs O(maxLength), however large the value.
 */
export function jsonText(value: unknown, options: JsonTextOptions = {}): string | undefined {
  const { sortKeys = false, indent = 0, maxDepth = Infinity, maxLength = Infinity } = options;
  let text = '';
  const out = (part: string) => {
    text += part;
  };
  const newline = indent > 0 ? (depth: number) => `\n${' '.repeat(indent * depth)}` : () => '';
  const stack: Frame[] = [];
  const onPath = new Set<object>();

  /** Writes a scalar, or opens a container; false when the value is not JSON (undefined, a function). */
  const emit = (raw: unknown, depth: number): boolean => {
    let item = raw;
    if (item !== null && typeof item === 'object' && typeof (item as { toJSON?: unknown }).toJSON === 'function') item = (item as { toJSON: () => unknown }).toJSON();
    switch (typeof item) {
      case 'string':
        out(JSON.stringify(item.length > maxLength ? cutString(item, maxLength) : item));
        return true;
      case 'number':
        out(Number.isFinite(item) ? String(item) : 'null');
        return true;
      case 'boolean':
        out(String(item));
        return true;
      case 'bigint':
        out(JSON.stringify(item.toString()));
        return true;
      case 'object':
        break;
      default:
        return false;
    }
    if (item === null) {
      out('null');
      return true;
    }
    const array = Array.isArray(item);
    if (onPath.has(item)) {
      out('"[circular]"');
      return true;
    }
    if (depth >= maxDepth) {
      out(array ? '[…]' : '{…}');
      return true;
    }
    onPath.add(item);
    out(array ? '[' : '{');
    if (array) stack.push({ kind: 'array', items: item as unknown[], index: 0, depth, node: item });
    else {
      const keys = Object.keys(item);
      if (sortKeys) keys.sort();
      stack.push({ kind: 'object', source: item as Record<string, unknown>, keys, index: 0, depth, written: false, node: item });
    }
    return true;
  };

  if (!emit(value, 0)) return undefined;
  while (stack.length > 0 && text.length <= maxLength) {
    const frame = stack[stack.length - 1]!;
    if (frame.kind === 'array') {
      if (frame.index < frame.items.length) {
        out(`${frame.index > 0 ? ',' : ''}${newline(frame.depth + 1)}`);
        if (!emit(frame.items[frame.index++], frame.depth + 1)) out('null');
        continue;
      }
      out(`${frame.items.length > 0 ? newline(frame.depth) : ''}]`);
    } else {
      if (frame.index < frame.keys.length) {
        const key = frame.keys[frame.index++]!;
        const item = frame.source[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        out(`${frame.written ? ',' : ''}${newline(frame.depth + 1)}${JSON.stringify(key)}${indent > 0 ? ': ' : ':'}`);
        frame.written = true;
        emit(item, frame.depth + 1);
        continue;
      }
      out(`${frame.written ? newline(frame.depth) : ''}}`);
    }
    onPath.delete(frame.node);
    stack.pop();
  }
  return text.length > maxLength ? `${cutString(text, maxLength - 1)}…` : text;
}

/**
 * The first `max` characters, never half a surrogate pair. The piece of a long text is a copy:
 * V8's `slice` keeps the whole text alive for as long as the piece lives, and an excerpt kept in
 * a finding would otherwise keep the 4 MB body it came from.
 */
export function cutString(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max);
  const code = text.charCodeAt(cut - 1);
  if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const head = text.slice(0, cut);
  return text.length > 4 * cut + 1024 ? Buffer.from(head, 'utf16le').toString('utf16le') : head;
}

export interface MapJsonOptions {
  /** Applied to every string value. */
  string?: (text: string) => string;
  /** Applied to every object key. */
  key?: (key: string) => string;
  sortKeys?: boolean;
}

/**
 * A copy of JSON-like data with strings and keys mapped, without recursion. Properties whose value
 * is `undefined` are left out; `__proto__` stays an own property; a shared or cyclic object is
 * copied once.
 */
export function mapJson<T>(value: T, options: MapJsonOptions = {}): T {
  const mapString = options.string ?? ((text: string) => text);
  const mapKey = options.key ?? ((key: string) => key);
  const copies = new Map<object, unknown>();
  const pending: Array<{ source: object; target: unknown[] | Record<string, unknown> }> = [];
  const copy = (item: unknown): unknown => {
    if (typeof item === 'string') return mapString(item);
    if (item === null || typeof item !== 'object') return item;
    const known = copies.get(item);
    if (known !== undefined) return known;
    const target = Array.isArray(item) ? [] : {};
    copies.set(item, target);
    pending.push({ source: item, target });
    return target;
  };
  const root = copy(value);
  while (pending.length > 0) {
    const { source, target } = pending.pop()!;
    if (Array.isArray(target)) {
      for (const item of source as unknown[]) target.push(copy(item));
      continue;
    }
    const keys = Object.keys(source);
    if (options.sortKeys) keys.sort();
    for (const key of keys) {
      const item = (source as Record<string, unknown>)[key];
      if (item === undefined) continue;
      const name = mapKey(key);
      const mapped = copy(item);
      if (name === '__proto__') Object.defineProperty(target, name, { value: mapped, enumerable: true, writable: true, configurable: true });
      else target[name] = mapped;
    }
  }
  return root as T;
}
