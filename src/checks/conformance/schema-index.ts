import type { Api, CatalogueModel, Endpoint, Example, Response } from '../../model/types.ts';
import { endpointSchemas, normaliseSchema, type NormalisedSchema, type StatusSchema } from '../../schemas/index.ts';
import { ApiconformError } from '../../util/errors.ts';
import { NormalisedCache } from './normalised-cache.ts';

/** One example in its place: the API, endpoint and response (status) it belongs to. */
export interface ExampleSite {
  api: Api;
  endpoint: Endpoint;
  response: Response;
  example: Example;
}

/**
 * The normalised schemas of a model, computed once and shared by every check that needs them
 * (lint and example conformance run over the same index in `all`). Example schemas are
 * normalised once per distinct schema text (or read from the cache of an earlier run); each
 * endpoint's status schemas (`endpointSchemas`, the same function build uses, so the hashes match
 * the manifest's) are built on first use — an API whose findings come from a cache is never
 * normalised at all.
 */
export class SchemaIndex {
  private readonly normalisedByText = new Map<string, NormalisedSchema>();
  private readonly statusesByEndpoint = new Map<Endpoint, Map<number, StatusSchema>>();

  private readonly cache: NormalisedCache;

  /** `cache`: normalised schemas of earlier runs (see NormalisedCache); in memory when absent. */
  constructor(
    readonly model: CatalogueModel,
    options: { cache?: NormalisedCache } = {},
  ) {
    this.cache = options.cache ?? NormalisedCache.inMemory();
  }

  /** Every example of the model (or of the given APIs), in model order (API, endpoint, status, example). */
  *sites(apis: readonly Api[] = this.model.apis): Generator<ExampleSite> {
    for (const api of apis) {
      for (const endpoint of api.endpoints) {
        for (const response of endpoint.responses) {
          for (const example of response.examples) yield { api, endpoint, response, example };
        }
      }
    }
  }

  normalised(example: Example): NormalisedSchema {
    let result = this.normalisedByText.get(example.schemaText);
    if (!result) {
      const key = NormalisedCache.key(example.schemaText);
      result = this.cache.get(key);
      if (!result) {
        result = normaliseSchema(example.schema);
        this.cache.set(key, result);
      }
      this.normalisedByText.set(example.schemaText, result);
    }
    return result;
  }

  /** The body schema of one status of an endpoint (an `anyOf` when its examples disagree). */
  statusSchema(api: Api, endpoint: Endpoint, status: number): StatusSchema {
    let byStatus = this.statusesByEndpoint.get(endpoint);
    if (!byStatus) {
      const { statuses } = endpointSchemas(endpoint, api.name, (example) => this.normalised(example));
      byStatus = new Map(statuses.map((s) => [s.status, s]));
      this.statusesByEndpoint.set(endpoint, byStatus);
    }
    const schema = byStatus.get(status);
    if (!schema) throw new ApiconformError('internal', `${api.slug}/${endpoint.slug} has no status ${status}`);
    return schema;
  }
}
