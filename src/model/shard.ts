import { contentHash } from '../util/hash.ts';
import { usageError } from '../util/errors.ts';
import type { Api, CatalogueModel, Endpoint } from './types.ts';

/** Shard `index` of `count` (1-based), as `--shard I/N` says. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The shard an endpoint belongs to: `hash(api uuid/endpoint uuid) mod N`. The split stays the same
 * when endpoints are added or removed elsewhere, so a CI runner keeps its endpoints from run to
 * run, and the shards together are every endpoint exactly once.
 */
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

/** The part of a model in one shard: each API with only its endpoints of the shard (APIs left empty are dropped). */
export function shardModel(model: CatalogueModel, shard: Shard): CatalogueModel {
  if (shard.count === 1) return model;
  const apis = model.apis
    .map((api) => ({ ...api, endpoints: api.endpoints.filter((endpoint) => shardOf(api, endpoint, shard.count) === shard.index) }))
    .filter((api) => api.endpoints.length > 0);
  return { ...model, apis };
}

/**
 * Whether a finding belongs to a shard: by its endpoint; a finding about no endpoint in the model
 * (a whole API, the catalogue, a row that could not be read) belongs to shard 1, so that the
 * shards' findings together are the unsharded run's, each once.
 */
export function findingInShard(model: CatalogueModel, shard: Shard): (finding: { api: string; endpoint: string }) => boolean {
  if (shard.count === 1) return () => true;
  const shards = new Map<string, number>();
  for (const api of model.apis) for (const endpoint of api.endpoints) shards.set(`${api.slug}\u0000${endpoint.slug}`, shardOf(api, endpoint, shard.count));
  return (finding) => (shards.get(`${finding.api}\u0000${finding.endpoint}`) ?? 1) === shard.index;
}
