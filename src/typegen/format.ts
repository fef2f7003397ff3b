/**
 * Indents json-schema-to-typescript's unformatted output (2 spaces per level, one trailing
 * newline). Deterministic and ~100× cheaper than Prettier; brackets inside string literals and
 * comments are not counted.
 */
export function formatDeclarations(source: string): string {
  const out: string[] = [];
  let depth = 0;
  let inComment = false;
  for (const rawLine of source.split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    if (inComment || line.startsWith('/*')) {
      const body = line.startsWith('*') && !line.startsWith('*/') ? ` ${line}` : line.startsWith('*/') ? ` ${line}` : line;
      out.push('  '.repeat(depth) + body);
      inComment = !line.includes('*/');
      continue;
    }
    const { leadingClosers, net } = bracketBalance(line);
    const indent = Math.max(0, depth - leadingClosers);
    out.push('  '.repeat(indent) + line);
    depth = Math.max(0, depth + net);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

function bracketBalance(line: string): { leadingClosers: number; net: number } {
  let net = 0;
  let leadingClosers = 0;
  let leading = true;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      leading = false;
    } else if (c === '{' || c === '(' || c === '[') {
      net++;
      leading = false;
    } else if (c === '}' || c === ')' || c === ']') {
      net--;
      if (leading) leadingClosers++;
    } else if (c !== ' ') {
      leading = false;
    }
  }
  return { leadingClosers, net };
}
