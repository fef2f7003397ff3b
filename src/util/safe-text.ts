import { mapJson } from './json-depth.ts';

/**
 * Text from a provider or a catalogue may hold terminal control sequences (ESC, BEL, a carriage
 * return that overwrites the line before it in a CI log), C1 controls and bidirectional overrides
 * that make a text read differently from what it is. Each is written as a visible `\u001b`, in
 * every report format and on the terminal. Tab, newline and CRLF stay (reports lay them out).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Control characters as visible `\uXXXX` escapes; tab and newline kept unless `oneLine`. */
export function escapeControl(text: string, oneLine = false): string {
  return text.replace(oneLine ? CONTROL_OR_BREAK : CONTROL, visible);
}

/** Every string (and key) of a JSON-like value with its control characters escaped. */
export function escapeControlDeep<T>(value: T): T {
  return mapJson(value, { string: (text) => escapeControl(text), key: (key) => escapeControl(key) });
}

/** Longest error line printed, before "… N more characters". */
export const MAX_LINE = 300;

/**
 * One line for stderr: control characters and line breaks escaped, at most `max` characters
 * then `… N more characters` (a 20 MB header must not become a 20 MB line in a CI log).
 */
export function safeLine(text: string, max = MAX_LINE): string {
  let line = '';
  let used = 0; // characters of `text` shown
  while (used < text.length) {
    const code = text.charCodeAt(used);
    const width = code >= 0xd800 && code <= 0xdbff && used + 1 < text.length ? 2 : 1;
    const part = escapeControl(text.slice(used, used + width), true);
    if (line.length + part.length > max) break;
    line += part;
    used += width;
  }
  return used < text.length ? `${line}… ${text.length - used} more characters` : line;
}
