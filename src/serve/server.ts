import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { CatalogueModel } from '../model/types.ts';
import { ApiconformError } from '../util/errors.ts';
import { defaultDynamicBody } from './dynamic-body.ts';
import type { Mutations } from './mutations.ts';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.ts';
import { answer, type DynamicBody, type MockAnswer, type MockContext } from './respond.ts';
import { buildRoutes, type RouteTable } from './routes.ts';

export interface MockServerOptions {
  model: CatalogueModel;
  /** Default 127.0.0.1: the mock serves example data, not meant for the network. */
  host?: string;
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Seed of `Prefer: dynamic=true` bodies (default 1). */
  seed?: number;
  mutations?: Mutations;
  /** One entry per request, after its answer is sent. Carries no header values and no query string. */
  log?: (entry: RequestLogEntry) => void;
  /** How long `close()` waits for in-flight requests before cutting connections (default 5000 ms). */
  graceMs?: number;
  /** Generator of `dynamic=true` bodies (default: fast-check arbitraries from the schema). */
  dynamicBody?: DynamicBody;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  route?: string;
  applied?: string;
  error?: string;
}

export interface MockServer {
  url: string;
  host: string;
  port: number;
  routes: RouteTable;
  /** Stops accepting, answers what is in flight (delays are cut short), then resolves. */
  close(): Promise<void>;
}

/** `GET /d7sms/num-lookup 402 3ms (code=402, example=0)`. */
export function formatLogEntry(entry: RequestLogEntry): string {
  const extra = [entry.applied && `(${entry.applied})`, entry.error && `error: ${entry.error}`].filter(Boolean).join(' ');
  return `${entry.method} ${entry.path} ${entry.status} ${Math.round(entry.durationMs)}ms${extra ? ` ${extra}` : ''}`;
}

export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const context: MockContext = {
    routes: buildRoutes(options.model),
    mutations: options.mutations ?? new Map(),
    seed: options.seed ?? 1,
    dynamicBody: options.dynamicBody ?? defaultDynamicBody,
  };
  const pendingDelays = new Set<() => void>();
  let closing = false;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const path = pathOf(req.url);
    // The body plays no part in the answer; it is read to its end (and dropped) before answering,
    // so that a keep-alive connection is ready for the next request.
    await drain(req);
    let result: MockAnswer;
    let error: string | undefined;
    try {
      result = answer({ method, path, prefer: req.headers.prefer }, context);
    } catch (caught) {
      error = (caught as Error).message;
      const body = problem(500, 'mock-error', 'Mock provider error', `the mock could not build the answer: ${error}`);
      result = { status: 500, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body: JSON.stringify(body), delayMs: 0 };
    }
    if (result.delayMs > 0 && !closing) await delay(result.delayMs, pendingDelays);
    const headers: Record<string, string | number> = { ...result.headers, 'content-length': Buffer.byteLength(result.body) };
    if (closing) headers.connection = 'close';
    res.writeHead(result.status, headers);
    res.end(method === 'HEAD' ? undefined : result.body);
    res.once('close', () => {
      options.log?.({
        method,
        path,
        status: result.status,
        durationMs: performance.now() - started,
        ...(result.route ? { route: result.route } : {}),
        ...(result.applied ? { applied: result.applied } : {}),
        ...(error ? { error } : {}),
      });
    });
  };

  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const message =
        error.code === 'EADDRINUSE'
          ? `port ${options.port ?? 4010} on ${host} is in use; pick another with --port (0 picks a free one)`
          : `cannot listen on ${host}:${options.port ?? 4010}: ${error.message}`;
      reject(new ApiconformError('usage', message, {}, { cause: error }));
    });
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    routes: context.routes,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        for (const release of pendingDelays) release();
        const force = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 5000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}

function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded) return resolve();
    req.once('end', resolve);
    req.once('error', () => resolve());
    req.resume();
  });
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

/** A delay that `close()` can cut short, so shutdown answers slow requests instead of waiting them out. */
function delay(ms: number, pending: Set<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const release = () => {
      clearTimeout(timer);
      pending.delete(release);
      resolve();
    };
    const timer = setTimeout(release, ms);
    pending.add(release);
  });
}
