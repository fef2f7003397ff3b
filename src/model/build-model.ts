import type { CatalogueRow, RowProblem } from '../catalogue/types.ts';
import { assignSlugs, pascalCase } from '../util/slug.ts';
import type { Api, CatalogueModel, Endpoint, Example, Response } from './types.ts';

export interface ModelResult {
  model: CatalogueModel;
  /** Rows that could not be placed (a repeated row id). */
  problems: RowProblem[];
}

/**
 * Groups checked rows into the endpoint model. An API is the first uuid of the row id, an
 * endpoint the second; names and descriptions come from the first row (in file order) that
 * mentions them, so the result depends only on the catalogue's content and order.
 */
export function buildModel(rows: readonly CatalogueRow[]): ModelResult {
  const problems: RowProblem[] = [];
  const seen = new Map<string, CatalogueRow>();
  const apis = new Map<string, { first: CatalogueRow; endpoints: Map<string, { first: CatalogueRow; rows: CatalogueRow[] }> }>();

  for (const row of rows) {
    const earlier = seen.get(row.id);
    if (earlier) {
      problems.push({
        rowId: row.id,
        apiId: row.apiId,
        apiName: row.apiName,
        endpointName: row.endpointName,
        status: row.status,
        message: `row id ${row.id} repeats the row at line ${earlier.source.line}; only the first is used`,
        source: row.source,
      });
      continue;
    }
    seen.set(row.id, row);
    let api = apis.get(row.apiId);
    if (!api) apis.set(row.apiId, (api = { first: row, endpoints: new Map() }));
    let endpoint = api.endpoints.get(row.endpointId);
    if (!endpoint) api.endpoints.set(row.endpointId, (endpoint = { first: row, rows: [] }));
    endpoint.rows.push(row);
  }

  const apiEntries = [...apis.values()];
  const apiSlugs = assignSlugs(apiEntries.map(({ first }) => ({ id: first.apiId, name: first.apiName })), 'api');
  const apiTypeNames = assignTypeNames(apiEntries.map(({ first }) => ({ id: first.apiId, name: first.apiName })), 'Api');

  const model: CatalogueModel = {
    apis: apiEntries
      .map(({ first, endpoints }): Api => {
        const apiSlug = apiSlugs.get(first.apiId)!;
        const entries = [...endpoints.values()];
        const named = entries.map((e) => ({ id: e.first.endpointId, name: e.first.endpointName }));
        const slugs = assignSlugs(named, 'endpoint');
        const typeNames = assignTypeNames(named, 'Endpoint');
        return {
          id: first.apiId,
          name: first.apiName,
          slug: apiSlug,
          typeName: apiTypeNames.get(first.apiId)!,
          description: first.apiDescription,
          score: first.apiScore,
          endpoints: entries
            .map((entry): Endpoint => ({
              id: entry.first.endpointId,
              apiId: first.apiId,
              apiSlug,
              name: entry.first.endpointName,
              slug: slugs.get(entry.first.endpointId)!,
              typeName: typeNames.get(entry.first.endpointId)!,
              description: entry.first.endpointDescription,
              responses: groupResponses(entry.rows),
              ...(entry.first.http ? { http: entry.first.http } : {}),
            }))
            .sort((a, b) => compareText(a.slug, b.slug)),
        };
      })
      .sort((a, b) => compareText(a.slug, b.slug)),
  };
  return { model, problems };
}

/** An endpoint's rows as responses: by status, examples in catalogue order (response, example index). */
export function groupResponses(rows: readonly CatalogueRow[]): Response[] {
  const byStatus = new Map<number, Example[]>();
  for (const row of rows) {
    const example: Example = {
      rowId: row.id,
      responseIndex: row.responseIndex,
      exampleIndex: row.exampleIndex,
      summary: row.summary,
      body: row.body,
      bodyText: row.bodyText,
      schema: row.schema,
      schemaText: row.schemaText,
      source: row.source,
      ...(row.generated ? { generated: true } : {}),
    };
    const list = byStatus.get(row.status);
    if (list) list.push(example);
    else byStatus.set(row.status, [example]);
  }
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, examples]) => ({
      status,
      examples: examples.sort((a, b) => a.responseIndex - b.responseIndex || a.exampleIndex - b.exampleIndex),
    }));
}

/** PascalCase names, unique among siblings the same way slugs are (uuid suffix on a clash). */
function assignTypeNames(items: readonly { id: string; name: string }[], fallback: string): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const item of items) {
    const base = pascalCase(item.name, fallback);
    byBase.set(base, [...(byBase.get(base) ?? []), item.id]);
  }
  const result = new Map<string, string>();
  for (const [base, ids] of byBase) {
    for (const id of ids) result.set(id, ids.length === 1 ? base : `${base}${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`);
  }
  return result;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
