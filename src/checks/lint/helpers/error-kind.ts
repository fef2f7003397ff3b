import { isPlainObject, keyName, words } from './text.ts';
import { validationBody } from './validation-body.ts';

/** Kinds of error clients handle differently, each with the status HTTP gives it. */
export type ErrorKind = 'validation' | 'authentication' | 'authorization' | 'not-found' | 'rate-limit' | 'payment' | 'conflict';

export interface ErrorKindInfo {
  /** How a message names the kind: "a validation error". */
  noun: string;
  /** The status codes HTTP defines for it, preferred first. */
  standard: readonly number[];
  /** Matched against the label and the body's message-like strings (in `words()` spelling). */
  pattern: RegExp;
}

export const ERROR_KINDS: Readonly<Record<ErrorKind, ErrorKindInfo>> = {
  validation: {
    noun: 'a validation error',
    standard: [422, 400],
    pattern: /\bvalidation\b|\bunprocessable\b|\binvalid (input|request|parameters?|params?|body|payload|fields?)\b|\b(field|parameter|param) (is )?(required|missing)\b|\bmissing (required )?(fields?|parameters?|params?)\b|\bvalue error\b/,
  },
  authentication: {
    noun: 'an authentication error',
    standard: [401],
    pattern: /\bunauthori[sz]ed\b|\bunauthenticated\b|\bauthentication\b|\b(invalid|missing|expired|bad|wrong) (api ?key|token|access token|credentials?|signature)\b|\baccess token\b|\bapi key\b/,
  },
  authorization: {
    noun: 'a permission error',
    standard: [403],
    pattern: /\bforbidden\b|\bpermission denied\b|\bnot (allowed|permitted)\b|\baccess denied\b|\binsufficient (scope|permissions?|privileges?)\b/,
  },
  'not-found': {
    noun: 'a not-found error',
    standard: [404],
    pattern: /\bnot found\b|\bnot exists?\b|\bdoes ?n[o']?t exist\b|\bno such\b/,
  },
  'rate-limit': {
    noun: 'a rate-limit error',
    standard: [429],
    pattern: /\brate ?limit|\btoo many (requests|attempts)\b|\bquota (exceeded|reached)\b|\bthrottl|\bfrequent\b.*\brequests?\b/,
  },
  payment: {
    noun: 'a payment error',
    standard: [402],
    pattern: /\bpayment required\b|\binsufficient (balance|funds|credits?)\b|\b(out of|no) credits?\b/,
  },
  conflict: {
    noun: 'a conflict error',
    standard: [409],
    pattern: /\bconflict\b|\balready exists?\b/,
  },
};

/** Order of precedence when a text matches several kinds ("invalid api key" is about credentials). */
const ORDER: readonly ErrorKind[] = ['authentication', 'authorization', 'rate-limit', 'payment', 'not-found', 'conflict', 'validation'];

/** Keys whose string values describe an error (`message`, `detail.code`, `error_description`…). */
const MESSAGE_KEYS = new Set(['message', 'msg', 'error', 'err', 'errors', 'detail', 'details', 'title', 'code', 'description', 'errordescription', 'errormessage', 'reason', 'status']);

export interface ErrorKindReading {
  kind: ErrorKind;
  /** What showed it: `body shape FastAPI/pydantic …`, `label "Validation Error"`, `body /detail/message`. */
  because: string;
  pointer: string;
}

/**
 * The kind of error an example documents, from the strongest evidence first: a framework's
 * validation body, then the label, then the message-like strings of the body (top level and one
 * level down). Undefined when nothing says (an `{"err": "…"}` about something else).
 */
export function errorKindOf(label: string | null, body: unknown): ErrorKindReading | undefined {
  const validation = validationBody(body);
  if (validation) return { kind: 'validation', because: `body shape ${validation.shape}`, pointer: validation.pointer };
  if (label) {
    const kind = kindOfText(words(label));
    if (kind) return { kind, because: `label ${JSON.stringify(label)}`, pointer: '' };
  }
  for (const [pointer, text] of messageStrings(body)) {
    const kind = kindOfText(words(text));
    if (kind) return { kind, because: `body ${pointer} ${JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text)}`, pointer };
  }
  return undefined;
}

export function kindOfText(text: string): ErrorKind | undefined {
  return ORDER.find((kind) => ERROR_KINDS[kind].pattern.test(text));
}

/** `[pointer, string]` for message-like keys at the top level and one level below. */
function messageStrings(body: unknown): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!isPlainObject(body)) return out;
  for (const [key, value] of Object.entries(body)) {
    if (!MESSAGE_KEYS.has(keyName(key))) continue;
    const at = `/${escape(key)}`;
    if (typeof value === 'string') out.push([at, value]);
    else if (isPlainObject(value)) {
      for (const [inner, text] of Object.entries(value)) {
        if (MESSAGE_KEYS.has(keyName(inner)) && typeof text === 'string') out.push([`${at}/${escape(inner)}`, text]);
      }
    }
  }
  return out;
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
