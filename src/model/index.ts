export type { Api, CatalogueModel, Endpoint, Example, Response } from './types.ts';
export { buildModel, groupResponses, type ModelResult } from './build-model.ts';
export { loadCatalogueModel, type LoadedModel } from './load.ts';
export { shardOf, parseShard, shardModel, findingInShard, type Shard } from './shard.ts';
