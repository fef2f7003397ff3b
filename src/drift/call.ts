import { isUtf8 } from 'node:buffer';

/** What one live call came back with, after its retries. */
export type CallOutcome =
  | {
      kind: 'response';
      status: number;
      contentType: string;
      bodyText: string;
      latencyMs: number;
      attempts: number;
      truncated: boolean;
      /** Byte offset of the first byte that is not UTF-8 (the text has U+FFFD there), if any. */
      invalidUtf8At?: number;
    }
  | { kind: 'timeout' | 'unreachable'; message: string; latencyMs: number; attempts: number };

/** Runs one attempt when the scheduler allows it (a concurrency slot, the API's rate limit). */
export type Schedule = <T>(attempt: () => Promise<T>) => Promise<T>;

export interface CallOptions {
  /** Every attempt, retries included, goes through it (default: at once). */
  schedule?: Schedule;
  /** For the backoff's jitter (default Math.random). */
  random?: () => number;
}

export interface CallRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  retries: number;
}

/** Bodies larger than this are cut (and said to be): a provider must not be able to exhaust memory. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** A Retry-After longer than this is not waited for: the call is reported as it stands. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** Backoff without a Retry-After: a random wait up to 250 ms, 500 ms, 1 s… capped here. */
export const BACKOFF_BASE_MS = 250;
export const MAX_BACKOFF_MS = 10_000;

/**
 * Makes one call, retrying what a retry can fix: network errors, timeouts, 429 and 5xx (README "Nightly
 * drift checks"), up to `retries` more times. A `Retry-After` (seconds or an HTTP date) is
 * honoured up to a minute; otherwise the wait is "full jitter" backoff (uniform between 0 and a
 * ceiling that doubles from 250 ms), so that clients retrying at once do not come back at once.
 * Every attempt, retries included, goes through `schedule`: a retry keeps to the API's rate limit.
 * Every attempt has its own timeout covering headers and body, so a provider that hangs, or
 * trickles its body, cannot hold the run. The last attempt's outcome is returned, never thrown.
 */
export async function callWithRetries(request: CallRequest, options: CallOptions = {}): Promise<CallOutcome> {
  const schedule: Schedule = options.schedule ?? ((attempt) => attempt());
  const random = options.random ?? Math.random;
  const started = performance.now();
  let outcome: CallOutcome | undefined;
  for (let attempt = 1; attempt <= request.retries + 1; attempt++) {
    const { result, retryAfterMs } = await schedule(() => attemptCall(request));
    outcome = { ...result, latencyMs: Math.round(performance.now() - started), attempts: attempt } as CallOutcome;
    const retryable = result.kind !== 'response' || result.status === 429 || result.status >= 500;
    if (!retryable || attempt > request.retries) break;
    const wait = retryAfterMs ?? backoffMs(attempt, random);
    if (wait > MAX_RETRY_AFTER_MS) break;
    outcome = undefined; // the failed answer's body is not kept through the wait
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return outcome!;
}

/** Full-jitter backoff before retry number `attempt` (1-based): uniform in [0, min(cap, base·2^(attempt−1))). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(MAX_BACKOFF_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)));
}

type AttemptResult =
  | { kind: 'response'; status: number; contentType: string; bodyText: string; truncated: boolean; invalidUtf8At?: number }
  | { kind: 'timeout' | 'unreachable'; message: string };

/** Same-origin redirects followed per attempt; more is a loop. */
const MAX_REDIRECTS = 5;

/**
 * One attempt under its own timeout. The timer is cleared as soon as the attempt ends: a pending
 * `AbortSignal.timeout` would keep the finished request (and what it references) alive for the
 * rest of `timeoutMs`, which with many large answers adds up.
 */
async function attemptCall(request: CallRequest): Promise<{ result: AttemptResult; retryAfterMs?: number }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${request.timeoutMs} ms`, 'TimeoutError')), request.timeoutMs);
  try {
    return await attemptUnder(request, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function attemptUnder(request: CallRequest, signal: AbortSignal): Promise<{ result: AttemptResult; retryAfterMs?: number }> {
  let method = request.method;
  let body = request.body !== undefined && method !== 'GET' && method !== 'HEAD' ? JSON.stringify(request.body) : undefined;
  let url = request.url;
  let response: Response;
  try {
    // Redirects are followed by hand, and only within the origin: the request carries secret
    // headers, and a provider (or whoever took over its DNS) must not be able to send them on
    // to another host. A redirect elsewhere is the answer, and is reported as such.
    for (let hop = 0; ; hop++) {
      response = await fetch(url, {
        method,
        headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...request.headers },
        ...(body !== undefined ? { body } : {}),
        redirect: 'manual',
        signal,
      });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null || hop === MAX_REDIRECTS) break;
      const next = new URL(location, url);
      if (next.origin !== new URL(url).origin) break;
      await response.body?.cancel();
      // as fetch does: 303, and 301/302 after a POST, continue as a GET without a body
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      url = next.toString();
    }
  } catch (error) {
    return { result: failure(error, request.timeoutMs) };
  }
  try {
    const { text, truncated, invalidUtf8At } = await readBody(response);
    const retryAfterMs = retryAfter(response.headers.get('retry-after'));
    return {
      result: {
        kind: 'response',
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        bodyText: text,
        truncated,
        ...(invalidUtf8At === undefined ? {} : { invalidUtf8At }),
      },
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  } catch (error) {
    return { result: failure(error, request.timeoutMs) };
  }
}

async function readBody(response: Response): Promise<{ text: string; truncated: boolean; invalidUtf8At?: number }> {
  if (!response.body) return { text: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > MAX_BODY_BYTES) {
      chunks.push(value.subarray(0, MAX_BODY_BYTES - size));
      await reader.cancel();
      // a cut body may end inside a character: its encoding is not judged
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = Buffer.concat(chunks);
  chunks.length = 0;
  const invalidUtf8At = isUtf8(bytes) ? -1 : invalidUtf8Offset(bytes);
  return { text: bytes.toString('utf8'), truncated: false, ...(invalidUtf8At === -1 ? {} : { invalidUtf8At }) };
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1. `Buffer#toString` would replace
 * it by U+FFFD without a word; drift reports it instead.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= n) return i;
    const b1 = bytes[i + 1]!;
    const [low, high] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (b1 < low || b1 > high) return i;
    for (let k = 2; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

function failure(error: unknown, timeoutMs: number): AttemptResult {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout', message: `no complete answer within ${timeoutMs} ms` };
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return { kind: 'unreachable', message: cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error) };
}

/** `Retry-After: 3` or an HTTP date → milliseconds from now; undefined if absent or unreadable. */
export function retryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - Date.now());
}
