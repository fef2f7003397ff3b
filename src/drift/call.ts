/** What one live call came back with, after its retries. */
export type CallOutcome =
  | { kind: 'response'; status: number; contentType: string; bodyText: string; latencyMs: number; attempts: number; truncated: boolean }
  | { kind: 'timeout' | 'unreachable'; message: string; latencyMs: number; attempts: number };

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

/**
 * Makes one call, retrying what a retry can fix: network errors, timeouts, 429 and 5xx (README "Nightly
 * drift checks"), up to `retries` more times. A `Retry-After` (seconds or an HTTP date) is
 * honoured up to a minute; otherwise the wait doubles from 250 ms. Every attempt has its own
 * timeout covering headers and body, so a provider that hangs, or trickles its body, cannot hold
 * the run. The last attempt's outcome is returned, never thrown.
 */
export async function callWithRetries(request: CallRequest): Promise<CallOutcome> {
  const started = performance.now();
  let outcome: CallOutcome | undefined;
  for (let attempt = 1; attempt <= request.retries + 1; attempt++) {
    const { result, retryAfterMs } = await attemptCall(request);
    outcome = { ...result, latencyMs: Math.round(performance.now() - started), attempts: attempt } as CallOutcome;
    const retryable = result.kind !== 'response' || result.status === 429 || result.status >= 500;
    if (!retryable || attempt > request.retries) break;
    const wait = retryAfterMs ?? 250 * 2 ** (attempt - 1);
    if (wait > MAX_RETRY_AFTER_MS) break;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return outcome!;
}

type AttemptResult =
  | { kind: 'response'; status: number; contentType: string; bodyText: string; truncated: boolean }
  | { kind: 'timeout' | 'unreachable'; message: string };

/** Same-origin redirects followed per attempt; more is a loop. */
const MAX_REDIRECTS = 5;

async function attemptCall(request: CallRequest): Promise<{ result: AttemptResult; retryAfterMs?: number }> {
  const signal = AbortSignal.timeout(request.timeoutMs);
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
    const { text, truncated } = await readBody(response);
    const retryAfterMs = retryAfter(response.headers.get('retry-after'));
    return {
      result: { kind: 'response', status: response.status, contentType: response.headers.get('content-type') ?? '', bodyText: text, truncated },
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  } catch (error) {
    return { result: failure(error, request.timeoutMs) };
  }
}

async function readBody(response: Response): Promise<{ text: string; truncated: boolean }> {
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
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
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
