/**
 * XML 1.0 escaping. Catalogue text can hold characters XML 1.0 cannot carry at all, not even as
 * character references (`&#1;` is itself a well-formedness error): C0 controls other than tab,
 * newline and carriage return, U+FFFE/U+FFFF and unpaired surrogates. Those are written as a
 * visible `\uXXXX` so a CI server can still parse the file and a reader can still see that the
 * character was there.
 */

// With the `u` flag an unpaired surrogate is one code point outside every allowed range.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function replaceIllegal(text: string): string {
  return text.replace(NOT_XML_CHAR, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** For element content. `\r` is kept as a reference, or the parser would turn it into `\n`. */
export function escapeXmlText(text: string): string {
  return replaceIllegal(text).replace(/[&<>\r]/g, (char) => TEXT_ENTITIES[char]!);
}

/** For attribute values in double quotes; tab and newlines survive attribute normalisation. */
export function escapeXmlAttribute(text: string): string {
  return replaceIllegal(text).replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ENTITIES[char]!);
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
};
