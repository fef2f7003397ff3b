import type { SourceLocation } from '../catalogue/types.ts';
import type { Api, CatalogueModel, Endpoint, Example } from '../model/types.ts';
import { cachedNormaliser, statusDefName, type NormalisedSchema } from '../schemas/index.ts';
import { formatPrefer } from '../serve/prefer.ts';
import { isServable, mockRoutePath } from '../serve/routes.ts';
import { bindingOf, boundRequest, type Bindings, type BoundRequest } from './bindings.ts';
import type { MatcherNode } from './matcher-tree.ts';
import { inferMatchers, type MatcherNote } from './matchers.ts';

/** One interaction of a contract: one (endpoint, status, example) of the catalogue. */
export interface ContractInteraction {
  api: string;
  endpoint: string;
  status: number;
  /** Index of the example within its status (what `Prefer: example=N` selects). */
  example: number;
  rowId: string;
  source: SourceLocation;
  /** Unique within the pact and across the catalogue: `<api>/<endpoint> returns <status> (example <n>)`. */
  description: string;
  providerState: { name: string; params: { api: string; endpoint: string; status: number; example: number } };
  request: BoundRequest & { headers: Record<string, string> };
  response: { status: number; body: MatcherNode };
  /**
   * The status cannot be served over HTTP with its body (1xx, or 204/205/304 with a body): the
   * interaction is kept, marked pending, so the contract documents it without failing verification.
   */
  pending: boolean;
  comment: string;
  /** Where the generated schema of this response lives (for readers of the pact). */
  schemaRef: string;
  notes: MatcherNote[];
}

export interface ApiContract {
  api: Api;
  /** The Pact provider name: the API slug (the file is `<consumer>-<provider>.json`). */
  provider: string;
  interactions: ContractInteraction[];
}

export interface ContractOptions {
  /** Real method/path/query/body per endpoint instead of the mock route (`--bindings`). */
  bindings?: Bindings;
  /** Schema normalisation, cached by the caller (by schema text) when it has many examples. */
  normalise?: (example: Example) => NormalisedSchema;
}

/**
 * Catalogue model → one contract per API, one interaction per (endpoint, status, example), in
 * model order (APIs and endpoints by slug, statuses ascending, examples in index order). The
 * request is the mock route with `Prefer: code=<status>, example=<n>`, which makes the mock
 * provider answer exactly that example and keeps every request of a pact distinct; bindings
 * replace method and path (the `Prefer` header stays: a real provider ignores it, RFC 7240).
 */
export function contractsFor(model: CatalogueModel, options: ContractOptions = {}): ApiContract[] {
  const normalise = options.normalise ?? cachedNormaliser();
  return model.apis.map((api) => ({
    api,
    provider: api.slug,
    interactions: api.endpoints.flatMap((endpoint) => endpointInteractions(api, endpoint, normalise, options.bindings)),
  }));
}

function endpointInteractions(api: Api, endpoint: Endpoint, normalise: (example: Example) => NormalisedSchema, bindings: Bindings | undefined): ContractInteraction[] {
  const bound = bindings ? boundRequest(bindingOf(bindings, api, endpoint)) : undefined;
  const base: BoundRequest = bound ?? { method: 'GET', path: mockRoutePath(api.slug, endpoint.slug) };
  const interactions: ContractInteraction[] = [];
  for (const response of endpoint.responses) {
    response.examples.forEach((example, index) => {
      const { node, notes } = inferMatchers(normalise(example).schema, example.body);
      const headers: Record<string, string> = { Prefer: formatPrefer({ code: response.status, example: index }) };
      if (base.body !== undefined) headers['Content-Type'] = 'application/json';
      interactions.push({
        api: api.slug,
        endpoint: endpoint.slug,
        status: response.status,
        example: index,
        rowId: example.rowId,
        source: example.source,
        description: `${api.slug}/${endpoint.slug} returns ${response.status} (example ${index})`,
        providerState: { name: `status ${response.status}`, params: { api: api.slug, endpoint: endpoint.slug, status: response.status, example: index } },
        request: { ...base, headers },
        response: { status: response.status, body: node },
        pending: !isServable(response.status, example.body),
        comment: `Catalogue row ${example.rowId}${example.summary ? ` (${example.summary})` : ''}: ${endpoint.name}, status ${response.status}`,
        schemaRef: `generated/schemas/${api.slug}/${endpoint.slug}.schema.json#/$defs/${statusDefName(response.status)}`,
        notes,
      });
    });
  }
  return interactions;
}
