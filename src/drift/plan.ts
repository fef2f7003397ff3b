import { bindingOf, boundRequest, headerTemplates, type Bindings, type BoundRequest } from '../contracts/index.ts';
import type { Api, CatalogueModel, Endpoint } from '../model/index.ts';
import { contentHash } from '../util/hash.ts';
import { configError, usageError } from '../util/errors.ts';

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

export interface Shard {
  index: number;
  count: number;
}

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

/** 1-based shard of an endpoint among `count`. */
export function shardOf(api: Pick<Api, 'id'>, endpoint: Pick<Endpoint, 'id'>, count: number): number {
  if (count === 1) return 1;
  return (Number.parseInt(contentHash(`${api.id}/${endpoint.id}`).slice(0, 8), 16) % count) + 1;
}

/** `--shard I/N` → { index: I, count: N }, 1 ≤ I ≤ N. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || count > 10_000) throw usageError(`--shard takes I/N with 1 ≤ I ≤ N (e.g. 2/4), got "${text}"`);
  return { index, count };
}

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
