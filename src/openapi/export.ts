import { bindingOf, boundRequest, type Bindings } from '../contracts/bindings.ts';
import type { Api, CatalogueModel, Endpoint } from '../model/types.ts';
import { cachedNormaliser, endpointSchemas, type JsonSchema, type NormalisedSchema } from '../schemas/index.ts';
import type { Example } from '../model/types.ts';
import { mockRoutePath } from '../serve/routes.ts';
import { isPlainObject } from '../util/json.ts';

/** Extension on an operation whose method and path are made up: the catalogue does not know them. */
export const PLACEHOLDER_EXTENSION = 'x-apiconform-placeholder';
/** The mock provider's default address: placeholder paths are its routes, so it serves them. */
export const MOCK_SERVER = 'http://127.0.0.1:4010';

export interface ExportOptions {
  /** Real methods and paths (a bindings file); otherwise the model's own (OpenAPI), else placeholders. */
  bindings?: Bindings;
}

export interface ExportedDocument {
  api: Api;
  /** `<api slug>.openapi.json` */
  file: string;
  document: Record<string, unknown>;
  /** Endpoints written under a placeholder path (no binding, no method/path in the model). */
  placeholders: number;
}

/**
 * The catalogue as OpenAPI 3.1, one document per API, deterministic (same model, same bytes):
 * a path per endpoint, each status with its 2020-12 body schema (the one `build` writes under
 * `$defs/status<code>`) and its examples, schemas shared in `components/schemas` where equal.
 * An endpoint without a known method and path is written as `GET /<api>/<endpoint>` (the mock
 * provider's route, which is why the document's server is the mock) with
 * `x-apiconform-placeholder: true`.
 */
export function exportOpenApi(model: CatalogueModel, options: ExportOptions = {}): ExportedDocument[] {
  const normalise = cachedNormaliser();
  return model.apis.map((api) => exportApi(api, options.bindings, normalise));
}

function exportApi(api: Api, bindings: Bindings | undefined, normalise: (example: Example) => NormalisedSchema): ExportedDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  const components = new ComponentNames();
  let placeholders = 0;
  let server: string | undefined;
  const operationIds = uniqueOperationIds(api.endpoints);
  for (const endpoint of api.endpoints) {
    const bound = bindings ? boundRequest(bindingOf(bindings, api, endpoint)) : undefined;
    const boundBase = bindings ? bindingOf(bindings, api, endpoint).api?.baseUrl : undefined;
    const method = (bound?.method ?? endpoint.http?.method ?? 'GET').toLowerCase();
    const path = bound?.path ?? endpoint.http?.path ?? mockRoutePath(api.slug, endpoint.slug);
    const placeholder = !bound && !endpoint.http;
    if (placeholder) placeholders++;
    else server ??= boundBase ?? endpoint.http?.baseUrl;
    const { statuses } = endpointSchemas(endpoint, api.name, normalise);
    const responses: Record<string, unknown> = {};
    for (const status of statuses) {
      const response = endpoint.responses.find((r) => r.status === status.status)!;
      const examples: Record<string, unknown> = {};
      response.examples.forEach((example, index) => {
        examples[`example${index}`] = { ...(example.summary ? { summary: example.summary } : {}), value: example.body };
      });
      const label = response.examples.find((e) => e.summary)?.summary;
      responses[String(status.status)] = {
        description: label ?? '', // the catalogue has no label for it
        content: { 'application/json': { schema: components.use(status.schema, JSON.stringify(status.schema), `${endpoint.typeName}Response${status.status}`), examples } },
      };
    }
    const operation: Record<string, unknown> = {
      operationId: operationIds.get(endpoint.id)!,
      summary: endpoint.name,
      ...(operationIds.get(endpoint.id) !== endpoint.name ? { 'x-apiconform-name': endpoint.name } : {}),
      description: endpoint.description,
      ...pathParameters(path),
      responses,
      'x-apiconform-endpoint': endpoint.id,
      ...(placeholder ? { [PLACEHOLDER_EXTENSION]: true } : {}),
    };
    (paths[path] ??= {})[method] = operation;
  }
  const anyReal = placeholders < api.endpoints.length;
  const document: Record<string, unknown> = {
    openapi: '3.1.0',
    info: {
      title: api.name,
      version: '1.0.0',
      ...(api.description ? { description: api.description } : {}),
      license: { name: 'Unknown: the catalogue does not say', identifier: 'NOASSERTION' },
      'x-apiconform-api': api.id,
    },
    servers: [{ url: anyReal && server ? server : MOCK_SERVER, description: anyReal && server ? 'the API' : 'the apiconform mock provider (npx apiconform serve)' }],
    security: [],
    paths: sortKeys(paths),
    ...(components.size > 0 ? { components: { schemas: components.schemas() } } : {}),
  };
  return { api, file: `${api.slug}.openapi.json`, document, placeholders };
}

/** operationId per endpoint: its name when unique within the API, else its slug (always unique). */
function uniqueOperationIds(endpoints: readonly Endpoint[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const endpoint of endpoints) count.set(endpoint.name, (count.get(endpoint.name) ?? 0) + 1);
  return new Map(endpoints.map((e) => [e.id, count.get(e.name) === 1 && !/[\s]/.test(e.name) ? e.name : e.slug]));
}

function pathParameters(path: string): { parameters?: unknown[] } {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  if (names.length === 0) return {};
  return { parameters: names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })) };
}

/**
 * Component schemas by content: the first schema of a given JSON text gets a component (by text,
 * not canonical hash: key order decides the order of generated type members, so schemas equal up
 * to key order are kept apart and a round trip builds the same types)
 * named after the first response that uses it; every use is a `$ref` to it. A body schema's own
 * `$defs` and `#/…` refs are rewritten to live under its component.
 */
class ComponentNames {
  private readonly byContent = new Map<string, { name: string; schema: JsonSchema }>();
  private readonly taken = new Set<string>();

  get size(): number {
    return this.byContent.size;
  }

  use(schema: JsonSchema, key: string, wanted: string): Record<string, string> {
    let entry = this.byContent.get(key);
    if (!entry) {
      let name = wanted.replace(/[^A-Za-z0-9._-]/g, '') || 'Schema';
      for (let n = 2; this.taken.has(name); n++) name = `${wanted}${n}`;
      this.taken.add(name);
      entry = { name, schema: rebase(schema, `#/components/schemas/${name}`) };
      this.byContent.set(key, entry);
    }
    return { $ref: `#/components/schemas/${entry.name}` };
  }

  schemas(): Record<string, JsonSchema> {
    return Object.fromEntries([...this.byContent.values()].map((e) => [e.name, e.schema]).sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)));
  }
}

/** A copy of a body schema whose `#…` refs (relative to its own root) point under `base`. */
function rebase(schema: JsonSchema, base: string): JsonSchema {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof child === 'string' && child.startsWith('#') ? `${base}${child.slice(1)}` : walk(child);
    }
    return out;
  };
  return walk(schema) as JsonSchema;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
