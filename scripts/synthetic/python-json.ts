/**
 * The dataset's JSON text was written by Python's `json.dumps` with its defaults: `", "` and
 * `": "` separators and every non-ASCII character escaped (`\u00f3`). Synthetic rows are written
 * the same way so that sizes, hashing and parsing costs match the real catalogue.
 */
export function pythonJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

// One parts array for the whole document: the generator serialises ~250 MB of JSON, and
// building nested strings level by level doubles the garbage.
function write(value: unknown, parts: string[]): void {
  if (value === null || value === undefined) {
    parts.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      parts.push(quote(value));
      return;
    case 'number':
      parts.push(Number.isFinite(value) ? String(value) : 'null');
      return;
    case 'boolean':
      parts.push(value ? 'true' : 'false');
      return;
    case 'object': {
      if (Array.isArray(value)) {
        parts.push('[');
        for (let i = 0; i < value.length; i++) {
          if (i > 0) parts.push(', ');
          write(value[i], parts);
        }
        parts.push(']');
        return;
      }
      parts.push('{');
      let first = true;
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        parts.push(first ? quote(key) : `, ${quote(key)}`, ': ');
        first = false;
        write(item, parts);
      }
      parts.push('}');
      return;
    }
    default:
      parts.push('null');
  }
}

const NON_ASCII = /[\u0080-\uffff]/g;
const HAS_NON_ASCII = /[\u0080-\uffff]/;

function quote(text: string): string {
  const json = JSON.stringify(text);
  if (!HAS_NON_ASCII.test(json)) return json;
  return json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
