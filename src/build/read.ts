import { catalogueFormat, checkRecords, readCatalogue, type CatalogueRow, type RowProblem } from '../catalogue/index.ts';
import { parseCsvSubset } from '../catalogue/readers/csv.ts';
import type { CsvRecordRange } from '../catalogue/csv-records.ts';
import type { Finding } from '../findings/types.ts';
import { buildModel, type CatalogueModel } from '../model/index.ts';
import { inputError } from '../util/errors.ts';
import type { Manifest, ManifestApi, ManifestEndpoint } from './manifest.ts';
import { csvSources, groupKeyOfRowId, sourceHashes, type CsvSources } from './sources.ts';

/** What the build works from: the model, the rows' problems, and what it may take as it was. */
export interface BuildInput {
  model: CatalogueModel;
  problems: RowProblem[];
  /** Endpoints whose rows were not even read (unchanged bytes): reused from the previous manifest. */
  unread: Set<string>;
  /** Findings of the previous build for the unread rows, replayed so results do not depend on caching. */
  replayed: Finding[];
  /** Rows in the catalogue (read or not). */
  rowCount: number;
  /** CSV only: per-endpoint hashes of the raw records, for the next build's manifest. */
  sources?: Record<string, string>;
}

export interface ReadOptions {
  strict?: boolean;
  /** Parse every row even when the manifest would allow skipping unchanged ones. */
  full?: boolean;
  /** Called with each good row as the whole catalogue is read (not on the incremental path). */
  onRow?: (row: CatalogueRow) => void;
}

/**
 * Reads the catalogue for a build. With a CSV catalogue and a previous manifest, only the
 * endpoints whose raw records changed are parsed; the others enter the model as "ghosts" (names
 * and ids from the manifest) so that slugs and type names are assigned over the whole catalogue.
 * A ghost whose slug or names would change is read after all, and anything unexpected falls back
 * to a full read, so the result is always what a clean build would produce.
 */
export async function readBuildInput(file: string, bytes: Buffer, label: string, previous: Manifest | undefined, options: ReadOptions): Promise<BuildInput> {
  const sources = catalogueFormat(file) === 'csv' ? csvSources(bytes) : undefined;
  if (sources && sources.scan.records.length > 0 && previous?.sources && !options.full && !options.strict) {
    const incremental = readChangedGroups(bytes, label, sources, previous);
    if (incremental) return incremental;
  }
  const { rows, problems } = await readCatalogue(file, { strict: options.strict, label, ...(options.onRow ? { onRow: options.onRow } : {}) });
  const { model, problems: modelProblems } = buildModel(rows);
  if (options.strict && modelProblems[0]) throw inputError(modelProblems[0].message, modelProblems[0].source);
  return {
    model,
    problems: [...problems, ...modelProblems],
    unread: new Set(),
    replayed: [],
    rowCount: rows.length + problems.length,
    ...(sources ? { sources: sourceHashes(sources) } : {}),
  };
}

function readChangedGroups(bytes: Buffer, label: string, sources: CsvSources, previous: Manifest): BuildInput | undefined {
  const previousSources = previous.sources ?? {};
  const previousEndpoints = new Map<string, { api: ManifestApi; endpoint: ManifestEndpoint }>();
  for (const api of previous.apis) for (const endpoint of api.endpoints) previousEndpoints.set(endpoint.id, { api, endpoint });

  const dirty = new Set<string>();
  for (const group of sources.groups.values()) if (previousSources[group.key] !== group.hash) dirty.add(group.key);

  for (let attempt = 0; attempt < 3; attempt++) {
    const records: CsvRecordRange[] = [];
    for (const key of dirty) records.push(...sources.groups.get(key)!.records);
    records.sort((a, b) => a.start - b.start);
    const raw = parseCsvSubset(bytes, sources.scan, records, label);
    if (!raw) return undefined;

    const { rows, problems } = checkRecords(raw);
    const ghosts = new Map<string, { api: ManifestApi; endpoint: ManifestEndpoint }>();
    for (const group of sources.groups.values()) {
      if (dirty.has(group.key)) continue;
      const known = previousEndpoints.get(group.key);
      if (!known) continue; // a group of unreadable rows only: nothing to model, findings replayed
      ghosts.set(group.key, known);
      rows.push(ghostRow(known.api, known.endpoint, label, group.records[0]!.line));
    }
    rows.sort((a, b) => a.source.line - b.source.line);
    const { model, problems: modelProblems } = buildModel(rows);

    const renamed = changedGhosts(model, ghosts);
    if (renamed.length > 0) {
      for (const key of renamed) dirty.add(key);
      continue;
    }
    const replayed = (previous.findings ?? []).filter((f) => {
      const key = f.source?.rowId !== undefined ? groupKeyOfRowId(f.source.rowId) : undefined;
      return key !== undefined && sources.groups.has(key) && !dirty.has(key);
    });
    return {
      model,
      problems: [...problems, ...modelProblems],
      unread: new Set(ghosts.keys()),
      replayed,
      rowCount: sources.scan.records.length,
      sources: sourceHashes(sources),
    };
  }
  return undefined;
}

/** A stand-in row for an endpoint whose records did not change: just enough to name things. */
function ghostRow(api: ManifestApi, endpoint: ManifestEndpoint, file: string, line: number): CatalogueRow {
  return {
    id: `${api.id}/${endpoint.id}/0/0`,
    apiId: api.id,
    endpointId: endpoint.id,
    responseIndex: 0,
    exampleIndex: 0,
    apiName: api.name,
    apiDescription: api.description,
    apiScore: api.score,
    endpointName: endpoint.name,
    endpointDescription: '',
    status: endpoint.statuses[0]?.status ?? 200,
    summary: null,
    body: null,
    bodyText: 'null',
    schema: true,
    schemaText: 'true',
    source: { file, line },
  };
}

/** Ghost endpoints whose API or own names/slugs differ from what the manifest recorded. */
function changedGhosts(model: CatalogueModel, ghosts: ReadonlyMap<string, { api: ManifestApi; endpoint: ManifestEndpoint }>): string[] {
  const changed: string[] = [];
  for (const api of model.apis) {
    for (const endpoint of api.endpoints) {
      const ghost = ghosts.get(endpoint.id);
      if (!ghost) continue;
      const same =
        api.id === ghost.api.id &&
        api.name === ghost.api.name &&
        api.slug === ghost.api.slug &&
        api.typeName === ghost.api.typeName &&
        api.description === ghost.api.description &&
        api.score === ghost.api.score &&
        endpoint.slug === ghost.endpoint.slug &&
        endpoint.typeName === ghost.endpoint.typeName &&
        endpoint.name === ghost.endpoint.name;
      if (!same) changed.push(endpoint.id);
    }
  }
  return changed;
}
