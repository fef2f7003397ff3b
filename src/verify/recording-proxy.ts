import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { INTERACTION_HEADER, type PlannedInteraction } from './prepare.ts';

/** What the provider did with one interaction's request. */
export interface Recording {
  status?: number;
  contentType?: string;
  /** The body as text (at most MAX_BODY bytes are kept). */
  body?: string;
  durationMs: number;
  failure?: { kind: 'timeout' | 'unreachable'; message: string };
}

export interface RecordingProxy {
  url: string;
  recordings: ReadonlyMap<number, Recording>;
  close(): Promise<void>;
}

export interface ProxyLogEntry {
  id: number;
  method: string;
  /** Path without query string (query strings can carry keys). */
  path: string;
  status?: number;
  durationMs: number;
  failure?: string;
}

const MAX_BODY = 1024 * 1024;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'content-length', INTERACTION_HEADER]);

/**
 * Sits between the Pact verifier and the provider. It routes each request by its interaction id
 * to that interaction's base URL, adds the bindings' headers (secrets stay in this process: they
 * are in no pact file and never reach the verifier's child process), bounds every call by
 * `timeoutMs` (a hung provider becomes a 504 here and a `contract/timeout` finding, never a hung
 * gate), and records what came back, so findings can say precisely what the provider sent.
 */
export async function startRecordingProxy(plan: readonly PlannedInteraction[], options: { timeoutMs: number; log?: (entry: ProxyLogEntry) => void }): Promise<RecordingProxy> {
  const byId = new Map(plan.filter((p) => p.target).map((p) => [p.id, p]));
  const recordings = new Map<number, Recording>();
  const inFlight = new Set<AbortController>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const id = Number(req.headers[INTERACTION_HEADER]);
    const entry = byId.get(id);
    const path = (req.url ?? '/').split('?')[0]!;
    if (!entry?.target) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('apiconform recording proxy: request without a known interaction id');
      return;
    }
    const body = await readBody(req);
    const started = performance.now();
    const controller = new AbortController();
    inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(new TimeoutError()), options.timeoutMs);
    let recording: Recording;
    try {
      const upstream = await fetch(entry.target.baseUrl + (req.url ?? '/'), {
        method: req.method ?? 'GET',
        headers: { ...forwardHeaders(req.headers), ...entry.target.headers },
        body: body.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? body : undefined,
        redirect: 'manual',
        signal: controller.signal,
      });
      const bytes = Buffer.from(await upstream.arrayBuffer());
      const headers: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        // fetch has already decoded the body: drop the encoding and length it no longer has.
        if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') headers[name] = value;
      });
      recording = {
        status: upstream.status,
        ...(upstream.headers.get('content-type') ? { contentType: upstream.headers.get('content-type')! } : {}),
        body: bytes.subarray(0, MAX_BODY).toString('utf8'),
        durationMs: performance.now() - started,
      };
      res.writeHead(upstream.status, headers).end(bytes);
    } catch (error) {
      const timedOut = controller.signal.reason instanceof TimeoutError;
      const failure = timedOut
        ? { kind: 'timeout' as const, message: `no answer within ${options.timeoutMs} ms` }
        : { kind: 'unreachable' as const, message: describeNetworkError(error) };
      recording = { durationMs: performance.now() - started, failure };
      res.writeHead(timedOut ? 504 : 502, { 'content-type': 'text/plain' }).end(`apiconform recording proxy: ${failure.message}`);
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
    }
    recordings.set(id, recording);
    options.log?.({
      id,
      method: req.method ?? 'GET',
      path,
      durationMs: recording.durationMs,
      ...(recording.status !== undefined ? { status: recording.status } : {}),
      ...(recording.failure ? { failure: `${recording.failure.kind}: ${recording.failure.message}` } : {}),
    });
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    recordings,
    close: () =>
      new Promise<void>((resolve) => {
        for (const controller of inFlight) controller.abort(new Error('verification finished'));
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

function forwardHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `fetch failed` says nothing; its cause (ECONNREFUSED 127.0.0.1:4010, ENOTFOUND host) does. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.message) return cause.message;
  if (cause?.code) return cause.code;
  return (error as Error).message ?? String(error);
}
