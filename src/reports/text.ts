import type { Finding } from '../findings/types.ts';
import { jsonText } from '../util/json-depth.ts';

/**
 * Text helpers shared by the writers. Catalogue bodies reach 50k characters and schemas 150k, so
 * anything copied from a finding into a report is cut to a size a reader can take in.
 */

/** At most `max` characters (plus the marker); never cuts a surrogate pair in half. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max);
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut)}… (${text.length - cut} more characters)`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Evidence as JSON (pretty with `indent`), cut to `max`; `''` when there is none. A string is
 * shown as it is (often an excerpt of a body, which quoting would bury in backslashes), except
 * the empty string, which is the evidence itself for "found an empty string" and shows as `""`.
 */
export function evidenceText(evidence: unknown, max: number, indent?: number): string {
  if (evidence === undefined) return '';
  if (evidence === '') return '""';
  if (typeof evidence === 'string') return truncateText(evidence, max);
  return truncateText(safeJson(evidence, indent), max);
}

/**
 * JSON.stringify that cannot throw on the values a check might put in `evidence`: bigints become
 * strings, a repeated object on the current path becomes "[circular]", and no nesting overflows
 * the stack (the walk is iterative).
 */
export function safeJson(value: unknown, indent?: number): string {
  return jsonText(value, indent ? { indent } : {}) ?? String(value);
}

/** `file:line (row id)` or `''`. */
export function sourceText(finding: Finding): string {
  const source = finding.source;
  if (!source) return '';
  const at = source.line > 0 ? `${source.file}:${source.line}` : source.file;
  return source.rowId ? `${at} (row ${source.rowId})` : at;
}
