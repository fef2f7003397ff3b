/**
 * A strict, non-validating XML 1.0 reader for tests (no XML parser dependency is allowed): it
 * throws on anything that is not well-formed — unbalanced or mismatched tags, unquoted or
 * repeated attributes, `<` in an attribute value, a bare `&`, an unknown entity, a character
 * reference or literal character that XML 1.0 forbids, `]]>` in text, content after the root —
 * and returns the element tree so tests can assert on structure. It does not read DTDs, CDATA
 * sections or processing instructions other than the XML declaration; the JUnit writer emits none.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its descendants'), entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

export function parseXml(text: string): XmlElement {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // A lone surrogate iterates as itself; codePointAt gives its value, which isXmlChar rejects.
    if (!isXmlChar(code)) throw new Error(`character U+${code.toString(16)} is not allowed in XML 1.0`);
  }
  let pos = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${pos}: ${JSON.stringify(text.slice(pos, pos + 40))}`);
  };
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos += 1;
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
      if (entity === undefined) return fail('bare &');
      if (entity.startsWith('#')) {
        const code = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        if (!Number.isFinite(code) || !isXmlChar(code)) return fail(`illegal character reference ${match}`);
        return String.fromCodePoint(code);
      }
      const value = ENTITIES[entity];
      if (value === undefined) return fail(`unknown entity ${match}`);
      return value;
    });

  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    pos = end + 2;
  }
  skipSpace();

  const readElement = (): XmlElement => {
    if (text[pos] !== '<') fail('expected <');
    pos += 1;
    const name = NAME.exec(text.slice(pos))?.[0] ?? fail('expected an element name');
    pos += name.length;
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const before = pos;
      skipSpace();
      if (text.startsWith('/>', pos)) {
        pos += 2;
        return element;
      }
      if (text[pos] === '>') {
        pos += 1;
        break;
      }
      if (pos === before) fail('expected whitespace before an attribute');
      const attribute = NAME.exec(text.slice(pos))?.[0] ?? fail('expected an attribute name');
      pos += attribute.length;
      if (text[pos] !== '=') fail('expected =');
      pos += 1;
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail('attribute value must be quoted');
      const end = text.indexOf(quote!, pos + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = text.slice(pos + 1, end);
      if (raw.includes('<')) fail('< in attribute value');
      if (attribute in element.attributes) fail(`repeated attribute ${attribute}`);
      element.attributes[attribute] = decode(raw);
      pos = end + 1;
    }
    for (;;) {
      const next = text.indexOf('<', pos);
      if (next < 0) fail(`unclosed element <${name}>`);
      const raw = text.slice(pos, next);
      if (raw.includes(']]>')) fail(']]> in text');
      element.text += decode(raw);
      pos = next;
      if (text.startsWith('</', pos)) {
        pos += 2;
        const closing = NAME.exec(text.slice(pos))?.[0];
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        pos += name.length;
        skipSpace();
        if (text[pos] !== '>') fail('expected >');
        pos += 1;
        return element;
      }
      if (text.startsWith('<!--', pos)) {
        const end = text.indexOf('-->', pos);
        if (end < 0) fail('unterminated comment');
        pos = end + 3;
        continue;
      }
      if (text.startsWith('<!', pos) || text.startsWith('<?', pos)) fail('unsupported markup');
      element.children.push(readElement());
    }
  };

  const root = readElement();
  skipSpace();
  if (pos !== text.length) fail('content after the root element');
  return root;
}

/** Every element named `name` below (and including) `root`, in document order. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    if (element.name === name) found.push(element);
    element.children.forEach(walk);
  };
  walk(root);
  return found;
}
