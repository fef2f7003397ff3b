import { isPlainObject, keyName } from './text.ts';

const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance']);

/** Keys that carry an error's message (compared across separators and case: `error_message` = `errorMessage`). */
const CARRIERS = new Set(['error', 'errors', 'err', 'message', 'msg', 'detail', 'details', 'title', 'description', 'errordescription', 'errormessage', 'reason', 'fault']);
/** Inside a carrier object, the machine-readable parts clients also read. */
const INNER = new Set([...CARRIERS, 'code', 'errorcode', 'type', 'status']);

/**
 * The envelope of an error body: where a client finds the error. An RFC 7807 problem is
 * `problem+json` whatever optional members it has; otherwise the keys that carry the message
 * (`error`, `message`, `detail`…), each with the shape of its value — an object's own
 * message/code keys, `[…]` for a list, `text` for a scalar. Other keys (`success`, a request id,
 * context fields) do not change the envelope: `{"detail": {"code", "message"}}` and
 * `{"detail": "…"}` differ; `{"error": "a", "id": 1}` and `{"error": "b"}` do not.
 */
export function envelopeShape(body: unknown): string {
  if (Array.isArray(body)) return '[…]';
  if (!isPlainObject(body)) return body === null ? 'null' : 'text';
  const keys = Object.keys(body);
  if (isProblem(body, keys)) return 'problem+json {type, title, status, detail}';
  const carriers = keys.filter((key) => CARRIERS.has(keyName(key))).sort();
  if (carriers.length === 0) return '{} (no error/message/detail field)';
  return `{${carriers.map((key) => `${key}: ${valueShape(body[key])}`).join(', ')}}`;
}

function isProblem(body: Record<string, unknown>, keys: string[]): boolean {
  return keys.length >= 2 && keys.every((k) => PROBLEM_MEMBERS.has(k)) && (typeof body.title === 'string' || typeof body.type === 'string');
}

function valueShape(value: unknown): string {
  if (Array.isArray(value)) return '[…]';
  if (isPlainObject(value)) return `{${Object.keys(value).filter((key) => INNER.has(keyName(key))).sort().join(', ')}}`;
  return 'text';
}
