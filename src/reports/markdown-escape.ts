/**
 * Catalogue text inside GitHub-flavoured Markdown. A name like `a|b`, a message with a newline, a
 * `<details>` tag or an `@handle` in an API description must come out as the same text, not as a
 * broken table, raw HTML or a notification to a stranger.
 */

// The characters that open or close inline syntax (code, emphasis, links, images, HTML, entities,
// strikethrough, table cells). Block syntax (`#`, `-`, `+`, `1.` at a line start) cannot occur:
// the text never starts a line, because every newline becomes `<br>`.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&]/g;

/** Plain text for a paragraph or a table cell: syntax escaped, line breaks as `<br>`. */
export function mdText(text: string): string {
  return text
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`)
    .replace(/@(?=[A-Za-z0-9])/g, '@&#8203;') // a zero-width space keeps GitHub from @-mentioning
    .replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * Inline code for identifiers (slugs, pointers, rule ids): a fence longer than any backtick run
 * inside, newlines shown as `↵` (a code span cannot hold one in a table), and `|` escaped, which
 * GitHub's table parser requires even inside code spans.
 */
export function mdCode(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, '↵');
  if (flat === '') return '` `';
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}
