/**
 * The `Prefer` request header (RFC 7240) as the mock provider reads it: `code=402` picks the
 * status, `example=1` the example (0-based, within the status), `dynamic=true` a body generated
 * from the schema. Several preferences may share one header or come in several headers;
 * preferences the mock does not know (`respond-async`, `wait=10`) are ignored, as the RFC asks.
 */
export interface Preferences {
  code?: number;
  example?: number;
  dynamic?: boolean;
}

export interface ParsedPrefer {
  preferences: Preferences;
  /** Known preferences with values the mock cannot use: the request gets a 400 naming them. */
  problems: string[];
}

export function parsePrefer(header: string | readonly string[] | undefined): ParsedPrefer {
  const preferences: Preferences = {};
  const problems: string[] = [];
  const values = header === undefined ? [] : typeof header === 'string' ? [header] : header;
  for (const value of values) {
    for (const token of splitOutsideQuotes(value, ',')) {
      const [head] = splitOutsideQuotes(token, ';'); // parameters after `;` do not matter here
      if (!head) continue;
      const eq = head.indexOf('=');
      const name = (eq === -1 ? head : head.slice(0, eq)).trim().toLowerCase();
      const raw = eq === -1 ? '' : unquote(head.slice(eq + 1).trim());
      switch (name) {
        case 'code':
          if (/^\d{3}$/.test(raw)) preferences.code = Number(raw);
          else problems.push(`code=${raw || '(empty)'} is not a three-digit status`);
          break;
        case 'example':
          if (/^(0|[1-9]\d{0,5})$/.test(raw)) preferences.example = Number(raw);
          else problems.push(`example=${raw || '(empty)'} is not an example index (0, 1, …)`);
          break;
        case 'dynamic':
          if (raw === '' || raw === 'true') preferences.dynamic = true;
          else if (raw === 'false') preferences.dynamic = false;
          else problems.push(`dynamic=${raw} is neither true nor false`);
          break;
        default:
          break;
      }
    }
  }
  return { preferences, problems };
}

/** `{ code: 402, example: 0 }` → `code=402, example=0` (the form contracts send). */
export function formatPrefer(preferences: Preferences): string {
  const parts: string[] = [];
  if (preferences.code !== undefined) parts.push(`code=${preferences.code}`);
  if (preferences.example !== undefined) parts.push(`example=${preferences.example}`);
  if (preferences.dynamic !== undefined) parts.push(`dynamic=${preferences.dynamic}`);
  return parts.join(', ');
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    if (c === '\\' && quoted && i + 1 < text.length) {
      current += c + text[++i];
      continue;
    }
    if (c === separator && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, '$1');
  return value;
}
