import type { Api, CatalogueModel, Endpoint, Response } from '../model/types.ts';

/** One mock route: `ANY /<api slug>/<endpoint slug>` (README "The mock provider"). */
export interface MockRoute {
  api: Api;
  endpoint: Endpoint;
  path: string;
  /** The response served without `Prefer: code=…`: the first 2xx, else the lowest status. */
  defaultResponse: Response;
}

export type RouteTable = ReadonlyMap<string, MockRoute>;

export const mockRoutePath = (apiSlug: string, endpointSlug: string): string => `/${apiSlug}/${endpointSlug}`;

/** Paths are made of slugs (lowercase ASCII, `-`), so they need no escaping and cannot collide. */
export function buildRoutes(model: CatalogueModel): RouteTable {
  const routes = new Map<string, MockRoute>();
  for (const api of model.apis) {
    for (const endpoint of api.endpoints) {
      const defaultResponse = defaultResponseOf(endpoint);
      if (!defaultResponse) continue; // an endpoint always has a response; kept total for the type
      const path = mockRoutePath(api.slug, endpoint.slug);
      routes.set(path, { api, endpoint, path, defaultResponse });
    }
  }
  return routes;
}

export function defaultResponseOf(endpoint: Endpoint): Response | undefined {
  return endpoint.responses.find((r) => r.status >= 200 && r.status < 300) ?? [...endpoint.responses].sort((a, b) => a.status - b.status)[0];
}

/**
 * Whether a status can be the final status of an HTTP response carrying the example: 1xx are
 * interim (a client waits for the real response; catalogue status 130 is one), and 204/205/304
 * never carry a body. The mock answers these with a 500 problem, and contracts mark their
 * interactions pending.
 */
export function isServable(status: number, body: unknown): boolean {
  if (status < 200 || status > 599) return false;
  if ((status === 204 || status === 205 || status === 304) && body !== null && body !== undefined && body !== '') return false;
  return true;
}

const operationMatchers = new WeakMap<RouteTable, { method: string; pattern: RegExp; route: MockRoute }[]>();

/**
 * The route of an endpoint whose catalogue knows its method and path (an OpenAPI document):
 * `GET /pets/7` finds `GET /pets/{petId}`. Literal paths win over templated ones.
 */
export function routeByOperation(routes: RouteTable, method: string, path: string): MockRoute | undefined {
  let matchers = operationMatchers.get(routes);
  if (!matchers) {
    matchers = [];
    for (const route of routes.values()) {
      const http = route.endpoint.http;
      if (!http) continue;
      const source = http.path.split(/\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
      matchers.push({ method: http.method, pattern: new RegExp(`^${source.replace(/\/+$/, '') || '/'}$`), route });
    }
    // fewer parameters first: `/pets/mine` before `/pets/{id}`
    matchers.sort((a, b) => (a.route.endpoint.http!.path.split('{').length - b.route.endpoint.http!.path.split('{').length));
    operationMatchers.set(routes, matchers);
  }
  const wanted = method === 'HEAD' ? 'GET' : method;
  return matchers.find((m) => (m.method === wanted || method === 'OPTIONS') && m.pattern.test(path))?.route;
}
