/**
 * Catalogue text is untrusted: an API may be called `<script>alert(1)</script>`. Everything that
 * reaches the page goes through one of these, and the page script only ever sets `textContent`.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For text and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!);
}

/**
 * JSON to embed in `<script type="application/json">`. `<` and `>` are written as `\u003c`/
 * `\u003e`, so neither `</script` nor `<!--` can occur in the text and end or confuse the element;
 * `&` likewise, and U+2028/U+2029 for any consumer that still reads the text as JavaScript.
 * `JSON.parse` reads all of them back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A `#key=value&…` link into the page's filter; values URI-encoded (but `,` `/` `:` kept, as the
 * page's own formatHash does, so `#rule=example/violates-schema` stays readable), then HTML-escaped.
 */
export function filterHref(filter: Record<string, string>): string {
  const parts = Object.entries(filter).map(([key, value]) => `${key}=${encodeHashValue(value)}`);
  return escapeHtml(`#${parts.join('&')}`);
}

export function encodeHashValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
}
