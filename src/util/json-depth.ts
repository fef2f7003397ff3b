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
