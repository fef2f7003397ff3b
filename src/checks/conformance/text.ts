import type { FindingSource } from '../../findings/types.ts';
import { jsonText } from '../../util/json-depth.ts';
import type { ExampleSite } from './schema-index.ts';

/** Longest JSON excerpt a message quotes; evidence keeps a little more. */
const MESSAGE_EXCERPT = 60;
export const EVIDENCE_EXCERPT = 300;

/** `D7SMS › Send Viber Message › 402`: where a finding is, in the catalogue's own names. */
export function siteLabel(site: Pick<ExampleSite, 'api' | 'endpoint'> & { status?: number }): string {
  return [site.api.name, site.endpoint.name, site.status].filter((part) => part !== undefined && part !== '').join(' › ');
}

/** `D7SMS › Send Viber Message › 402 (row …/1/0)`. */
export function exampleLabel(site: ExampleSite): string {
  return `${siteLabel({ api: site.api, endpoint: site.endpoint, status: site.response.status })} (row ${site.example.rowId})`;
}

export function exampleSource(site: ExampleSite): FindingSource {
  const { source, rowId } = site.example;
  return { file: source.file, line: source.line, rowId };
}

/** A body location for a message: the pointer, or "the body" at the root. */
export function at(pointer: string): string {
  return pointer === '' ? 'the body' : `\`${pointer}\``;
}

/**
 * JSON text of a value, cut to `max` characters with an ellipsis. Bodies may be live answers of
 * any size and depth: only the first `max` characters are ever written, without recursion.
 */
export function excerpt(value: unknown, max = MESSAGE_EXCERPT): string {
  return value === undefined ? 'nothing' : (jsonText(value, { maxLength: max }) ?? String(value));
}

/** A value small enough for evidence: itself when its JSON is short, else its truncated JSON text. */
export function evidenceValue(value: unknown, max = EVIDENCE_EXCERPT): unknown {
  if (value === undefined) return null;
  const text = jsonText(value, { maxLength: max + 1 }) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : value;
}

/** `"a", "b", "c" and 4 more`. */
export function list(values: readonly unknown[], max = 5): string {
  const shown = values.slice(0, max).map((v) => excerpt(v, 40));
  const more = values.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
