/** RFC 6901 JSON pointers. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function appendPointer(pointer: string, ...tokens: Array<string | number>): string {
  return pointer + tokens.map((t) => `/${escapePointerToken(String(t))}`).join('');
}

/** The tokens of a `#/…` URI fragment (percent-decoded, then RFC 6901-unescaped). */
export function fragmentTokens(fragment: string): string[] | undefined {
  if (fragment === '#') return [];
  if (!fragment.startsWith('#/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment.slice(2));
  } catch {
    return undefined; // malformed percent-encoding: the caller reports the ref as unresolvable
  }
  return decoded.split('/').map(unescapePointerToken);
}

/** `#` + pointer, percent-encoding what a URI fragment cannot hold verbatim. */
export function pointerToFragment(pointer: string): string {
  return `#${pointer.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (c) => encodeURIComponent(c))}`;
}

export function resolveTokens(root: unknown, tokens: readonly string[]): unknown {
  let node = root;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
      node = (node as Record<string, unknown>)[token];
    }
  }
  return node;
}
