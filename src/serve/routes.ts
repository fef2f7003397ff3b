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
