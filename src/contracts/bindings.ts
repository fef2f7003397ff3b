import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Api, CatalogueModel, Endpoint } from '../model/types.ts';
import { configError } from '../util/errors.ts';
import { createAjv } from '../validators/ajv.ts';

/**
 * A bindings file (README "Verify a real provider"): the catalogue has no URLs or methods, so this says
 * where each API lives and how to call each endpoint. Header values may name environment
 * variables (`${RAPIDAPI_KEY}`); they are resolved only when a request is sent, and their values
 * are never written into contracts, findings, logs or errors.
 */
export interface Bindings {
  file?: string;
  defaults: BindingDefaults;
  /** By API slug or uuid. */
  apis: Record<string, ApiBinding>;
}

export interface BindingDefaults {
  timeoutMs?: number;
  retries?: number;
  rateLimit?: string;
  /** Header templates: values may contain `${VAR}`. */
  headers: Record<string, string>;
}

export interface ApiBinding {
  baseUrl?: string;
  headers: Record<string, string>;
  /** By endpoint slug or uuid. */
  endpoints: Record<string, EndpointBinding>;
}

export interface EndpointBinding {
  method?: string;
  path?: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
  headers: Record<string, string>;
}

/** How one endpoint is called: what goes into a contract's request (never the headers). */
export interface BoundRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
}

const HEADERS = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } };
const QUERY_VALUE = { type: ['string', 'number', 'boolean'] };
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const BINDINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    defaults: {
      type: 'object',
      additionalProperties: false,
      properties: {
        timeoutMs: { type: 'integer', minimum: 1, maximum: 600000 },
        retries: { type: 'integer', minimum: 0, maximum: 10 },
        rateLimit: { type: 'string' },
        headers: HEADERS,
      },
    },
    apis: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          baseUrl: { type: 'string' },
          headers: HEADERS,
          endpoints: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              properties: {
                method: { type: 'string' },
                path: { type: 'string' },
                query: { type: 'object', additionalProperties: { anyOf: [QUERY_VALUE, { type: 'array', items: QUERY_VALUE }] } },
                body: true,
                headers: HEADERS,
              },
            },
          },
        },
      },
    },
  },
};

export async function loadBindings(file: string): Promise<Bindings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw configError(`cannot read bindings: ${(error as Error).message}`, { file });
  }
  let value: unknown;
  try {
    value = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw configError(`bindings are not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`, { file });
  }
  return parseBindings(value ?? {}, file);
}

/** Checks the shape (every problem named with its location) and fills in empty defaults. */
export function parseBindings(value: unknown, file?: string): Bindings {
  const context = file ? { file } : {};
  const validate = createAjv().compile(BINDINGS_SCHEMA);
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => {
      const where = e.instancePath || '(top level)';
      if (e.keyword === 'additionalProperties') return `${where}: unknown option "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      return `${where}: ${e.message}`;
    });
    throw configError(`invalid bindings:\n  ${[...new Set(problems)].join('\n  ')}`, context);
  }
  const raw = value as {
    defaults?: Omit<BindingDefaults, 'headers'> & { headers?: Record<string, unknown> };
    apis?: Record<string, { baseUrl?: string; headers?: Record<string, unknown>; endpoints?: Record<string, Record<string, unknown>> }>;
  };
  // String formats are checked here rather than with schema `pattern`s: a few plain rules.
  if (raw.defaults?.rateLimit !== undefined && !/^\d+(\.\d+)?\/(s|m|h)$/.test(raw.defaults.rateLimit)) {
    throw configError(`invalid bindings: defaults.rateLimit "${raw.defaults.rateLimit}" is not "<number>/s", "/m" or "/h"`, context);
  }
  const apis: Record<string, ApiBinding> = {};
  for (const [apiKey, api] of Object.entries(raw.apis ?? {})) {
    if (api.baseUrl !== undefined && !isHttpUrl(api.baseUrl)) throw configError(`invalid bindings: apis.${apiKey}.baseUrl "${api.baseUrl}" is not an http(s) URL`, context);
    const endpoints: Record<string, EndpointBinding> = {};
    for (const [endpointKey, endpoint] of Object.entries(api.endpoints ?? {})) {
      const method = typeof endpoint.method === 'string' ? endpoint.method.toUpperCase() : undefined;
      const where = `apis.${apiKey}.endpoints.${endpointKey}`;
      if (typeof endpoint.path === 'string' && !endpoint.path.startsWith('/')) throw configError(`invalid bindings: ${where}.path "${endpoint.path}" does not start with "/"`, context);
      if (method && !METHODS.includes(method)) throw configError(`invalid bindings: ${where}.method "${endpoint.method}" is not one of ${METHODS.join(', ')}`, context);
      if (endpoint.body !== undefined && (method ?? 'GET') === 'GET') throw configError(`invalid bindings: ${where} has a body but method ${method ?? 'GET (the default)'}; set a method that carries a body`, context);
      if (endpoint.body !== undefined && method === 'HEAD') throw configError(`invalid bindings: ${where} has a body but method HEAD`, context);
      endpoints[endpointKey] = {
        ...(method ? { method } : {}),
        ...(typeof endpoint.path === 'string' ? { path: endpoint.path } : {}),
        ...(endpoint.query ? { query: stringifyQuery(endpoint.query as Record<string, unknown>) } : {}),
        ...(endpoint.body !== undefined ? { body: endpoint.body } : {}),
        headers: stringifyHeaders(endpoint.headers as Record<string, unknown> | undefined),
      };
    }
    apis[apiKey] = {
      ...(api.baseUrl ? { baseUrl: api.baseUrl.replace(/\/+$/, '') } : {}),
      headers: stringifyHeaders(api.headers),
      endpoints,
    };
  }
  const defaults = raw.defaults ?? {};
  return {
    ...(file ? { file } : {}),
    defaults: {
      ...(defaults.timeoutMs !== undefined ? { timeoutMs: defaults.timeoutMs } : {}),
      ...(defaults.retries !== undefined ? { retries: defaults.retries } : {}),
      ...(defaults.rateLimit !== undefined ? { rateLimit: defaults.rateLimit } : {}),
      headers: stringifyHeaders(defaults.headers),
    },
    apis,
  };
}

export interface ResolvedBinding {
  api?: ApiBinding;
  endpoint?: EndpointBinding;
}

/** The bindings of one endpoint, looked up by slug, then by uuid. */
export function bindingOf(bindings: Bindings, api: Pick<Api, 'slug' | 'id'>, endpoint: Pick<Endpoint, 'slug' | 'id'>): ResolvedBinding {
  const apiBinding = bindings.apis[api.slug] ?? bindings.apis[api.id];
  const endpointBinding = apiBinding ? (apiBinding.endpoints[endpoint.slug] ?? apiBinding.endpoints[endpoint.id]) : undefined;
  return { ...(apiBinding ? { api: apiBinding } : {}), ...(endpointBinding ? { endpoint: endpointBinding } : {}) };
}

/** The request of a bound endpoint, or undefined when the bindings do not say how to call it. */
export function boundRequest(binding: ResolvedBinding): BoundRequest | undefined {
  const endpoint = binding.endpoint;
  if (!endpoint?.path) return undefined;
  return {
    method: endpoint.method ?? 'GET',
    path: endpoint.path,
    ...(endpoint.query && Object.keys(endpoint.query).length > 0 ? { query: endpoint.query } : {}),
    ...(endpoint.body !== undefined ? { body: endpoint.body } : {}),
  };
}

/** Header templates of an endpoint: defaults < API < endpoint (names compared case-insensitively). */
export function headerTemplates(bindings: Bindings, binding: ResolvedBinding): Record<string, string> {
  const merged = new Map<string, [string, string]>();
  for (const layer of [bindings.defaults.headers, binding.api?.headers ?? {}, binding.endpoint?.headers ?? {}]) {
    for (const [name, value] of Object.entries(layer)) merged.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries([...merged.values()]);
}

export interface ResolvedHeaders {
  headers: Record<string, string>;
  /** Values that came from the environment: to be redacted wherever text leaves the process. */
  secrets: string[];
}

/**
 * `${VAR}` → the variable's value. A missing variable is a config error that names the variable
 * and the header, never a value. `$${…}` keeps a literal `${…}`.
 */
export function resolveHeaders(templates: Record<string, string>, env: Record<string, string | undefined>, where: string): ResolvedHeaders {
  const headers: Record<string, string> = {};
  const secrets: string[] = [];
  for (const [name, template] of Object.entries(templates)) {
    headers[name] = template.replace(/\$?\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, variable: string) => {
      if (match.startsWith('$$')) return match.slice(1);
      const value = env[variable];
      if (value === undefined || value === '') {
        throw configError(`bindings: header "${name}" of ${where} needs the environment variable ${variable}, which is not set`);
      }
      secrets.push(value);
      return value;
    });
    if (/[\r\n]/.test(headers[name]!)) throw configError(`bindings: header "${name}" of ${where} would contain a line break`);
  }
  return { headers, secrets };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function stringifyHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]));
}

function stringifyQuery(query: Record<string, unknown>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]));
}

/**
 * Bindings read off the model itself, for catalogues that know their endpoints' methods and paths
 * (OpenAPI documents): each endpoint is called at its sample path (parameters filled in), each API
 * at `baseUrl` when given, else at its first server. Undefined when no endpoint has a method and path.
 */
export function bindingsFromModel(model: CatalogueModel, baseUrl?: string): Bindings | undefined {
  const apis: Record<string, ApiBinding> = {};
  for (const api of model.apis) {
    const endpoints: Record<string, EndpointBinding> = {};
    let server: string | undefined;
    for (const endpoint of api.endpoints) {
      if (!endpoint.http) continue;
      endpoints[endpoint.slug] = { method: endpoint.http.method, path: endpoint.http.samplePath, headers: {} };
      server ??= endpoint.http.baseUrl;
    }
    if (Object.keys(endpoints).length === 0) continue;
    const url = (baseUrl ?? server)?.replace(/\/+$/, '');
    apis[api.slug] = { ...(url ? { baseUrl: url } : {}), headers: {}, endpoints };
  }
  return Object.keys(apis).length === 0 ? undefined : { defaults: { headers: {} }, apis };
}
