import type { Example } from '../model/types.ts';
import { normaliseSchema, type JsonSchema } from '../schemas/index.ts';
import { contentHash } from '../util/hash.ts';
import { applyMutation, type Mutations } from './mutations.ts';
import { formatPrefer, parsePrefer, type Preferences } from './prefer.ts';
import { PROBLEM_CONTENT_TYPE, problem, type Problem } from './problem.ts';
import { isServable, routeByOperation, type MockRoute, type RouteTable } from './routes.ts';

/** The parts of a request the mock looks at (never its other headers, never its body). */
export interface MockRequest {
  method: string;
  /** The path without query string. */
  path: string;
  prefer?: string | readonly string[];
}

export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  delayMs: number;
  /** For the request log: the route and the preferences applied. */
  route?: string;
  applied?: string;
}

export type DynamicBody = (schema: JsonSchema, seed: number) => unknown;

export interface MockContext {
  routes: RouteTable;
  mutations: Mutations;
  seed: number;
  dynamicBody: DynamicBody;
}

export const ENDPOINTS_PATH = '/__apiconform/endpoints';
export const ROUTE_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Decides the answer to one request (pure apart from schema normalisation, which is cached by the
 * caller's model): README "The mock provider". `ANY /<api>/<endpoint>` answers the endpoint's
 * first 2xx example (or its lowest status); `Prefer` picks status, example or a generated body.
 */
export function answer(request: MockRequest, context: MockContext): MockAnswer {
  const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
  const method = request.method.toUpperCase();

  if (path === ENDPOINTS_PATH) {
    if (method === 'OPTIONS') return { status: 204, headers: { allow: 'GET, HEAD, OPTIONS' }, body: '', delayMs: 0 };
    if (method !== 'GET' && method !== 'HEAD') {
      return problemAnswer(problem(405, 'method-not-allowed', 'Method Not Allowed', `${ENDPOINTS_PATH} answers GET only`), { allow: 'GET, HEAD, OPTIONS' });
    }
    return json(200, listEndpoints(context));
  }

  const route = context.routes.get(path) ?? routeByOperation(context.routes, method, path);
  if (!route) {
    return problemAnswer(problem(404, 'no-route', 'Not Found', `no mock route ${truncate(path)}; routes are /<api>/<endpoint>, listed by GET ${ENDPOINTS_PATH}`));
  }
  if (method === 'OPTIONS') return { status: 204, headers: { allow: ROUTE_METHODS }, body: '', delayMs: 0, route: route.path };

  const { preferences, problems } = parsePrefer(request.prefer);
  if (problems.length > 0) return withRoute(problemAnswer(problem(400, 'bad-preference', 'Bad Prefer header', problems.join('; '))), route);

  const response = preferences.code === undefined ? route.defaultResponse : route.endpoint.responses.find((r) => r.status === preferences.code);
  if (!response) {
    const statuses = route.endpoint.responses.map((r) => r.status).join(', ');
    return withRoute(problemAnswer(problem(400, 'no-such-status', 'No such status', `${route.path} has no status ${preferences.code} in the catalogue (it has ${statuses})`)), route);
  }
  const index = preferences.example ?? 0;
  const example = response.examples[index];
  if (!example) {
    return withRoute(problemAnswer(problem(400, 'no-such-example', 'No such example', `${route.path} status ${response.status} has ${response.examples.length} example(s); example=${index} is out of range`)), route);
  }
  const applied: Preferences = { code: response.status, example: index, ...(preferences.dynamic ? { dynamic: true } : {}) };
  if (!isServable(response.status, example.body)) {
    return withRoute(
      problemAnswer(problem(500, 'unservable-status', 'Unservable status', `the catalogue's status ${response.status} cannot be the final status of an HTTP response with a body, so the mock cannot serve it`, { catalogueStatus: response.status })),
      route,
    );
  }
  const body = preferences.dynamic ? context.dynamicBody(schemaOf(example), seedFor(context.seed, route, response.status, index)) : example.body;
  const mutated = applyMutation(context.mutations.get(route.path), response.status, body, JSON_CONTENT_TYPE);
  return {
    status: mutated.status,
    headers: { 'content-type': mutated.contentType, vary: 'Prefer', 'preference-applied': formatPrefer(applied) },
    body: mutated.text,
    delayMs: mutated.delayMs,
    route: route.path,
    applied: formatPrefer(applied),
  };
}

function listEndpoints(context: MockContext): unknown {
  return [...context.routes.values()]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((route) => {
      const mutation = context.mutations.get(route.path);
      return {
        path: route.path,
        api: route.api.slug,
        apiName: route.api.name,
        endpoint: route.endpoint.slug,
        endpointName: route.endpoint.name,
        defaultStatus: route.defaultResponse.status,
        responses: route.endpoint.responses.map((r) => ({ status: r.status, examples: r.examples.length })),
        ...(mutation ? { mutation: mutation.kind } : {}),
      };
    });
}

const schemaCache = new WeakMap<Example, JsonSchema>();

function schemaOf(example: Example): JsonSchema {
  let schema = schemaCache.get(example);
  if (schema === undefined) schemaCache.set(example, (schema = normaliseSchema(example.schema).schema));
  return schema;
}

/** Same seed, route, status and example → the same generated body, whatever the request order. */
export function seedFor(seed: number, route: MockRoute, status: number, example: number): number {
  return Number.parseInt(contentHash(`${seed}\u0000${route.path}\u0000${status}\u0000${example}`).slice(0, 8), 16) | 0;
}

function json(status: number, value: unknown): MockAnswer {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE }, body: JSON.stringify(value), delayMs: 0 };
}

function problemAnswer(value: Problem, headers: Record<string, string> = {}): MockAnswer {
  return { status: value.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers }, body: JSON.stringify(value), delayMs: 0 };
}

function withRoute(answer: MockAnswer, route: MockRoute): MockAnswer {
  return { ...answer, route: route.path };
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
