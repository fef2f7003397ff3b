import { isPlainObject, keyName } from './text.ts';
import { validationBody } from './validation-body.ts';

/** Where and how a body says it is an error. */
export interface ErrorSignal {
  pointer: string;
  /** `success: false`, `status: "error"`, `a non-empty "error"`. */
  says: string;
}

/**
 * JSend's `status: "error" | "fail"`. Not "failed"/"rejected": a 200 that reports a failed job or
 * a rejected payment is data about something else, not a failed request.
 */
const FAILED_WORDS = new Set(['error', 'fail']);
const MESSAGE_KEYS = new Set(['message', 'msg', 'error', 'errors', 'reason', 'detail', 'data', 'code']);

/**
 * Keys an error envelope is made of. An `error`/`errors` field or an HTTP code only says the
 * request failed when the body is nothing but such an envelope: `{"took": 30, "errors": true,
 * "items": […]}` (a bulk result) or `{"url": …, "status": 404}` (a link checker's report) carry
 * data about something else.
 */
const ENVELOPE_KEYS = new Set([
  'error', 'errors', 'errormessage', 'errorcode', 'message', 'msg', 'detail', 'details', 'code', 'status', 'statuscode', 'httpstatus',
  'success', 'ok', 'title', 'type', 'timestamp', 'path', 'requestid', 'traceid', 'reason', 'description', 'errordescription', 'result',
]);

/**
 * Whether a body reports failure by a convention of its own: `success`/`ok` false, a
 * `status`/`result` of "error"/"fail", or — in a body that is nothing but an error envelope — a
 * non-empty `error`/`errors` or an HTTP error code in `status`/`statusCode`; or a framework's
 * validation-error shape. Only the top level is read: deeper, `error` is as likely a field of the
 * data (`lastError: null` on a device).
 */
export function errorSignal(body: unknown): ErrorSignal | undefined {
  const validation = validationBody(body);
  if (validation) return { pointer: validation.pointer, says: `a validation-error body (${validation.shape})` };
  if (!isPlainObject(body)) return undefined;
  const envelope = Object.keys(body).every((key) => ENVELOPE_KEYS.has(keyName(key)));
  for (const [key, value] of Object.entries(body)) {
    const name = keyName(key);
    const pointer = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const quoted = JSON.stringify(key);
    if ((name === 'success' || name === 'ok' || name === 'succeeded') && (value === false || value === 'false')) {
      return { pointer, says: `${quoted}: ${JSON.stringify(value)}` };
    }
    if ((name === 'status' || name === 'result') && typeof value === 'string' && FAILED_WORDS.has(value.trim().toLowerCase()) && Object.keys(body).some((k) => MESSAGE_KEYS.has(keyName(k)))) {
      return { pointer, says: `${quoted}: ${JSON.stringify(value)}` };
    }
    if (envelope && (name === 'status' || name === 'statuscode' || name === 'httpstatus') && httpErrorCode(value)) {
      return { pointer, says: `${quoted}: ${JSON.stringify(value)} (an HTTP error code)` };
    }
    if (envelope && (name === 'error' || name === 'errors' || name === 'errormessage') && nonEmpty(value)) {
      return { pointer, says: `a non-empty ${quoted}` };
    }
  }
  return undefined;
}

function httpErrorCode(value: unknown): boolean {
  const n = typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 400 && n <= 599;
}

function nonEmpty(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (value === true) return true;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return false;
}
