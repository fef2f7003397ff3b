import { bindingOf, boundRequest, headerTemplates, type Bindings, type BoundRequest } from '../contracts/index.ts';
import { shardOf, type Api, type CatalogueModel, type Endpoint, type Shard } from '../model/index.ts';
import { configError } from '../util/errors.ts';

/** One live call: an endpoint the bindings say how to reach, with everything needed to make it. */
export interface DriftCall {
  api: Api;
  endpoint: Endpoint;
  request: BoundRequest;
  url: string;
  /** Header templates (`${VAR}` unresolved: resolved only when the call is made). */
  headers: Record<string, string>;
  timeoutMs: number;
  retries: number;
  /** Calls per second allowed for this call's API, or undefined for no limit. */
  rateLimit?: RateLimit;
}

export interface RateLimit {
  limit: number;
  intervalMs: number;
  /** As written (`5/s`), for messages. */
  text: string;
}

export type { Shard } from '../model/index.ts';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRIES = 2;

/**
 * The calls of one drift run: every endpoint the bindings give a base URL and a path, in model
 * order, restricted to one shard. An endpoint belongs to shard `hash(api uuid/endpoint uuid) mod
 * N`: the split stays the same when endpoints are added or removed elsewhere, so a CI runner keeps
 * its endpoints from night to night, and the shards together are every bound endpoint once.
 */
export function planDrift(model: CatalogueModel, bindings: Bindings, shard: Shard = { index: 1, count: 1 }): { calls: DriftCall[]; unbound: number } {
  const calls: DriftCall[] = [];
  let unbound = 0;
  // one limit per API, each API with its own budget (runDriftChecks keeps one throttle per API)
  const rateLimit = bindings.defaults.rateLimit === undefined ? undefined : parseRateLimit(bindings.defaults.rateLimit, bindings.file);
  for (const api of model.apis) {
    for (const endpoint of api.endpoints) {
      const binding = bindingOf(bindings, api, endpoint);
      const request = boundRequest(binding);
      const baseUrl = binding.api?.baseUrl;
      if (!request || !baseUrl) {
        unbound++;
        continue;
      }
      if (shardOf(api, endpoint, shard.count) !== shard.index) continue;
      calls.push({
        api,
        endpoint,
        request,
        url: callUrl(baseUrl, request),
        headers: headerTemplates(bindings, binding),
        timeoutMs: bindings.defaults.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        retries: bindings.defaults.retries ?? DEFAULT_RETRIES,
        ...(rateLimit ? { rateLimit } : {}),
      });
    }
  }
  return { calls, unbound };
}

export { shardOf, parseShard } from '../model/index.ts';

/**
 * The bindings' `rateLimit` (`<number>/s`, `/m` or `/h`, fractions allowed: `0.5/s`) → one call
 * per `unit / number` milliseconds: evenly spaced rather than in bursts at the start of each
 * second, which is what per-second quotas count.
 */
export function parseRateLimit(text: string, file?: string): RateLimit {
  const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|m|h)\s*$/.exec(text);
  const perUnit = Number(match?.[1]);
  if (!match || !(perUnit > 0)) {
    throw configError(`bindings: rateLimit "${text}" is not "<number>/s", "/m" or "/h" (e.g. 5/s, 100/m, 0.5/s)`, file ? { file } : {});
  }
  const unitMs = { s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h'];
  return { limit: 1, intervalMs: unitMs / perUnit, text: text.trim() };
}

function callUrl(baseUrl: string, request: BoundRequest): string {
  const url = new URL(request.path.replace(/^\/*/, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, item);
  }
  return url.toString();
}
