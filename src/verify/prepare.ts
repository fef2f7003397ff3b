import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { bindingOf, boundRequest, headerTemplates, resolveHeaders, type Bindings } from '../contracts/bindings.ts';
import { rowIdOf, type PactDocument, type PactInteraction } from '../contracts/pact-file.ts';
import type { FindingSource } from '../findings/types.ts';
import type { Api, CatalogueModel, Endpoint, Example } from '../model/types.ts';
import { mockRoutePath } from '../serve/routes.ts';

/** The request header that tells the recording proxy which interaction a request belongs to. */
export const INTERACTION_HEADER = 'x-apiconform-interaction';

/** One interaction as verification sees it: where it goes, and what the catalogue knows of it. */
export interface PlannedInteraction {
  id: number;
  description: string;
  provider: string;
  pactFile: string;
  api: string;
  endpoint: string;
  status: number;
  example?: number;
  rowId?: string;
  pending: boolean;
  /** Why it is not verified (bindings do not cover it, or its status is not 2xx for a real provider). */
  skipped?: string;
  /** Where the recording proxy sends it, with the headers it adds (secrets resolved here, kept in memory). */
  target?: { baseUrl: string; headers: Record<string, string> };
  source?: FindingSource;
  /** The catalogue example behind the interaction (its schema grades missing and unexpected fields). */
  catalogue?: { api: Api; endpoint: Endpoint; example: Example };
}

export interface PrepareOptions {
  model?: CatalogueModel;
  bindings?: Bindings;
  /** The provider (or mock) every API goes to unless bindings give it its own baseUrl. */
  baseUrl?: string;
  /** `2xx`: only success interactions (a real provider cannot be asked for a 402). */
  statuses: 'all' | '2xx';
  env: Record<string, string | undefined>;
  /** Scratch folder for the copies the verifier reads. */
  dir: string;
  /**
   * The provider is apiconform's mock: requests of catalogue interactions go to their mock route
   * (`/<api>/<endpoint>`, `Prefer` as written), so contracts written with bindings (real paths)
   * verify against the mock too.
   */
  mock?: boolean;
}

export interface PreparedPacts {
  plan: PlannedInteraction[];
  /** The copies to verify: requests rewritten by bindings and tagged with INTERACTION_HEADER. */
  files: string[];
  /** Header values that came from the environment. */
  secrets: string[];
}

/**
 * Makes the copies of the pacts that verification runs on. The committed contracts are never
 * touched: bindings rewrite method, path, query and body in the copy, every request carries its
 * interaction id (so the recording proxy can route it and record the answer), and descriptions
 * are prefixed with that id (so results map back even when two pacts share a description).
 * Headers from the bindings, secrets included, are not written into the copies: the proxy adds
 * them on the way out.
 */
export async function preparePacts(pacts: ReadonlyArray<{ file: string; pact: PactDocument }>, options: PrepareOptions): Promise<PreparedPacts> {
  const rows = indexRows(options.model);
  const plan: PlannedInteraction[] = [];
  const files: string[] = [];
  const secrets: string[] = [];
  let id = 0;
  for (const [index, { file, pact }] of pacts.entries()) {
    const kept: PactInteraction[] = [];
    for (const interaction of pact.interactions) {
      if (interaction.type !== undefined && interaction.type !== 'Synchronous/HTTP') continue;
      const entry = planEntry(++id, file, pact, interaction, rows, options, secrets);
      plan.push(entry);
      if (entry.skipped) continue;
      kept.push(rewrite(interaction, entry, options.bindings, options.mock === true));
    }
    if (kept.length === 0) continue;
    const copy = join(options.dir, `${String(index).padStart(4, '0')}-${basename(file)}`);
    await writeFile(copy, JSON.stringify({ ...pact, interactions: kept }));
    files.push(copy);
  }
  return { plan, files, secrets };
}

function planEntry(
  id: number,
  file: string,
  pact: PactDocument,
  interaction: PactInteraction,
  rows: Map<string, { api: Api; endpoint: Endpoint; example: Example; status: number; index: number }>,
  options: PrepareOptions,
  secrets: string[],
): PlannedInteraction {
  const rowId = rowIdOf(interaction);
  const row = rowId ? rows.get(rowId) : undefined;
  const params = interaction.providerStates?.[0]?.params ?? {};
  const status = interaction.response.status;
  const entry: PlannedInteraction = {
    id,
    description: interaction.description,
    provider: pact.provider.name,
    pactFile: file,
    api: row?.api.slug ?? (typeof params.api === 'string' ? params.api : pact.provider.name),
    endpoint: row?.endpoint.slug ?? (typeof params.endpoint === 'string' ? params.endpoint : ''),
    status,
    pending: interaction.pending === true,
    ...(row ? { example: row.index } : typeof params.example === 'number' ? { example: params.example } : {}),
    ...(rowId ? { rowId } : {}),
    ...(row ? { source: { file: row.example.source.file, line: row.example.source.line, rowId: row.example.rowId }, catalogue: row } : {}),
  };

  if (options.statuses === '2xx' && (status < 200 || status > 299)) return { ...entry, skipped: `status ${status} is not 2xx (a real provider cannot be asked for it; use statuses: all)` };

  let baseUrl = options.baseUrl;
  let headers: Record<string, string> = {};
  if (options.bindings) {
    const binding = row ? bindingOf(options.bindings, row.api, row.endpoint) : bindingOf(options.bindings, { slug: entry.api, id: entry.api }, { slug: entry.endpoint, id: entry.endpoint });
    if (!binding.endpoint) return { ...entry, skipped: `the bindings do not cover ${entry.api}/${entry.endpoint}` };
    baseUrl = binding.api?.baseUrl ?? options.baseUrl;
    if (!baseUrl) return { ...entry, skipped: `no baseUrl for API ${entry.api} in the bindings and no --base-url` };
    const resolved = resolveHeaders(headerTemplates(options.bindings, binding), options.env, `${entry.api}/${entry.endpoint}`);
    headers = resolved.headers;
    secrets.push(...resolved.secrets);
  }
  if (!baseUrl) return { ...entry, skipped: 'no provider to verify against' };
  return { ...entry, target: { baseUrl, headers } };
}

function rewrite(interaction: PactInteraction, entry: PlannedInteraction, bindings: Bindings | undefined, mock: boolean): PactInteraction {
  const headers: Record<string, string[]> = { ...(interaction.request.headers ?? {}), [INTERACTION_HEADER]: [String(entry.id)] };
  const request = { ...interaction.request, headers };
  if (mock && entry.catalogue) {
    request.path = mockRoutePath(entry.catalogue.api.slug, entry.catalogue.endpoint.slug);
    return { ...interaction, description: `#${entry.id} ${interaction.description}`, request };
  }
  const bound = bindings && entry.catalogue ? boundRequest(bindingOf(bindings, entry.catalogue.api, entry.catalogue.endpoint)) : undefined;
  if (bound) {
    request.method = bound.method;
    request.path = bound.path;
    if (bound.query) request.query = Object.fromEntries(Object.entries(bound.query).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
    else delete request.query;
    if (bound.body !== undefined) {
      request.body = { content: bound.body, contentType: 'application/json', encoded: false };
      request.headers['Content-Type'] = ['application/json'];
    } else delete request.body;
  }
  return { ...interaction, description: `#${entry.id} ${interaction.description}`, request };
}

function indexRows(model: CatalogueModel | undefined) {
  const rows = new Map<string, { api: Api; endpoint: Endpoint; example: Example; status: number; index: number }>();
  for (const api of model?.apis ?? []) {
    for (const endpoint of api.endpoints) {
      for (const response of endpoint.responses) {
        response.examples.forEach((example, index) => rows.set(example.rowId, { api, endpoint, example, status: response.status, index }));
      }
    }
  }
  return rows;
}

/** The interaction id in a verifier result line (`… - #12 d7sms/num-lookup returns 402 (example 0)`). */
export function interactionIdOf(text: string): number | undefined {
  const match = /(?:^|\s-\s)#(\d+) /.exec(text);
  return match ? Number(match[1]) : undefined;
}
