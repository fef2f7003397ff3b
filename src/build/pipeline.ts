import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogueFormat } from '../catalogue/index.ts';
import { compareFindings, type Finding } from '../findings/types.ts';
import type { CatalogueRow } from '../catalogue/index.ts';
import { groupResponses, type Api, type CatalogueModel, type Endpoint, type Example } from '../model/index.ts';
import { cachedNormaliser, endpointSchemas, statusSchema, type NormalisedSchema } from '../schemas/index.ts';
import { apiTypesIndex, endpointTypesFile, typesIndex } from '../typegen/index.ts';
import { contentHash } from '../util/hash.ts';
import type { BuildOptions, BuildResult } from './build.ts';
import { GENERATOR_VERSION, MANIFEST_FILE, type Manifest, type ManifestApi, type ManifestEndpoint } from './manifest.ts';
import { rowProblemFinding, schemaProblemFinding } from './findings.ts';
import { commitStaged, discardStaged } from './commit.ts';
import { displayPath, endpointPaths } from './paths.ts';
import { GeneratedOutput } from './output.ts';
import { readBuildInput } from './read.ts';
import { groupKeyOfRowId } from './sources.ts';
import { TypeCompiler } from './type-compiler.ts';

/** A catalogue this large (~2,000 rows) has enough schemas to make worker threads pay. */
const EARLY_POOL_BYTES = 8 * 1024 * 1024;
/** How long phase 1 may keep the event loop before the workers' messages are heard. */
const YIELD_EVERY_MS = 15;

export interface BuildContext {
  out: string;
  root: string;
  sourceBytes: Buffer;
  sourceSha: string;
  previous: Manifest | undefined;
}

/** The build proper (see build.ts): everything after the no-op check, loaded only when needed. */
export async function runBuild(options: BuildOptions, { out, root, sourceBytes, sourceSha, previous }: BuildContext): Promise<BuildResult> {
  const label = displayPath(options.catalogue, root);
  // A large catalogue with nothing to reuse will need the worker pool: start it now, so that
  // its threads load json-schema-to-typescript and type the first endpoints while this one is
  // still reading (typePrefetcher).
  const poolWorkers = options.workers ?? (sourceBytes.length >= EARLY_POOL_BYTES ? TypeCompiler.workersFor(Infinity) : 0);
  const early = !previous && poolWorkers > 0 ? new TypeCompiler({ workers: poolWorkers }) : undefined;
  const normalise = cachedNormaliser();
  const prefetch = early ? typePrefetcher(early, normalise) : undefined;
  // while this thread reads, one worker types: two would leave the reading thread a third of
  // each core instead of one whole core, and the reading is the longer path
  early?.setParallelism(1);
  let input;
  try {
    input = await readBuildInput(options.catalogue, sourceBytes, label, previous, {
      strict: options.strict,
      full: options.fullModel || options.force,
      ...(prefetch ? { onRow: prefetch.row } : {}),
    });
    prefetch?.end();
    early?.setParallelism(poolWorkers);
  } catch (error) {
    await early?.close();
    throw error;
  }
  const { model } = input;
  options.onProgress?.({ phase: 'read', rows: input.rowCount });
  const findings: Finding[] = [...input.problems.map(rowProblemFinding), ...input.replayed];
  const previousEndpoints = indexManifest(previous);
  const previousFindings = groupFindings(previous?.findings ?? []);
  let typed = 0;
  const total = countModelEndpoints(model);
  const inputHashes = new Map<string, string>();
  for (const api of model.apis) {
    for (const endpoint of api.endpoints) if (!input.unread.has(endpoint.id)) inputHashes.set(endpoint.id, endpointInputHash(api, endpoint));
  }
  const dirty = total - countReusable(model, inputHashes, previousEndpoints, previous);
  const types = early ?? new TypeCompiler({ workers: options.workers ?? TypeCompiler.workersFor(dirty) });

  const output = new GeneratedOutput(out, options.check === true);
  const manifestApis: ManifestApi[] = [];
  const pendingTypes: Array<Promise<void>> = [];
  let regenerated = 0;
  let reused = 0;

  let lastYield = performance.now();
  try {
    // Phase 1 (main thread): normalise schemas and render schema documents; type generation is
    // started for each endpoint and runs meanwhile (in workers for large builds).
    for (const api of model.apis) {
      // Let the event loop run now and then: the pool hands a worker its next batch only when
      // it hears that the last one is done, and it cannot hear that while this loop runs.
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await new Promise(setImmediate);
        lastYield = performance.now();
      }
      const manifestEndpoints: ManifestEndpoint[] = [];
      for (const endpoint of api.endpoints) {
        const inputHash = inputHashes.get(endpoint.id)!;
        const paths = endpointPaths(api, endpoint);
        const before = previousEndpoints.get(endpoint.id);
        if (input.unread.has(endpoint.id)) {
          manifestEndpoints.push(before!); // findings already replayed with the unread rows
          reused++;
          continue;
        }
        if (before && isReusable(before, inputHash, paths, previous!)) {
          manifestEndpoints.push(before);
          findings.push(...(previousFindings.get(endpoint.id) ?? []));
          reused++;
          continue;
        }
        const { document, statuses, problems: schemaProblems } = endpointSchemas(endpoint, api.name, normalise);
        for (const problem of schemaProblems) findings.push(schemaProblemFinding(api, endpoint, problem));
        manifestEndpoints.push({
          id: endpoint.id,
          name: endpoint.name,
          slug: endpoint.slug,
          typeName: endpoint.typeName,
          inputHash,
          statuses: statuses.map((s) => ({ status: s.status, schemaHash: s.hash, examples: examplesOf(endpoint, s.status) })),
          files: paths,
        });
        regenerated++;
        output.put(paths.schema, `${JSON.stringify(document, null, 2)}\n`);
        const typeFindings: Finding[] = [];
        pendingTypes.push(
          types
            .declarationsFor(statuses, (problem) => {
              const example = endpoint.responses.find((r) => r.status === problem.status)!.examples[0]!;
              typeFindings.push(schemaProblemFinding(api, endpoint, { ...problem, example }));
            })
            .then((declarations) => {
              output.put(paths.types, endpointTypesFile(api, endpoint, declarations));
              findings.push(...typeFindings);
              options.onProgress?.({ phase: 'generate', done: reused + ++typed, total });
            }),
        );
      }
      manifestApis.push({ id: api.id, name: api.name, description: api.description, score: api.score, slug: api.slug, typeName: api.typeName, endpoints: manifestEndpoints });
    }
    types.flush();
    // Phase 2: wait for the types (each endpoint's file is written as its types arrive).
    await Promise.all(pendingTypes);
  } catch (error) {
    if (!options.check) discardStaged(out);
    throw error;
  } finally {
    await types.close();
  }

  // Endpoint files are all written before the indexes that list them, rewritten only when their
  // content changed.
  for (const api of model.apis) {
    const path = `types/${api.slug}/index.ts`;
    output.put(path, apiTypesIndex(api), previous?.files[path]);
  }
  output.put('types/index.ts', typesIndex(model.apis), previous?.files['types/index.ts']);

  const fileHashes: Record<string, string> = {};
  for (const api of manifestApis) {
    for (const endpoint of api.endpoints) {
      for (const path of [endpoint.files.schema, endpoint.files.types]) fileHashes[path] = output.hashes.get(path) ?? previous!.files[path]!;
    }
  }
  for (const [path, hash] of output.hashes) fileHashes[path] ??= hash;

  const manifest: Manifest = {
    generator: { name: 'apiconform', version: GENERATOR_VERSION },
    source: {
      file: label,
      sha256: sourceSha,
      format: catalogueFormat(options.catalogue),
      rows: input.rowCount,
      invalidRows: findings.filter((f) => f.ruleId === 'catalogue/invalid-row').length,
    },
    apis: manifestApis,
    ...(input.sources ? { sources: input.sources } : {}),
    files: sortedRecord(fileHashes),
    findings: [...findings].sort(compareFindings),
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const removed = Object.keys(previous?.files ?? {}).filter((path) => !(path in fileHashes)).sort();

  const result = { findings, model: input.unread.size ? undefined : model, removed, regenerated, reused, noOp: false, rows: manifest.source.rows };
  if (options.check) return { ...result, written: await staleFiles(out, fileHashes, manifestText) };

  // Everything is staged: the manifest joins it, and the whole tree is committed at once.
  output.put(MANIFEST_FILE, manifestText);
  await commitStaged(out, removed);
  return { ...result, written: output.written.filter((path) => path !== MANIFEST_FILE).sort() };
}

/**
 * Starts typing each endpoint's statuses while the catalogue is still being read, so the workers
 * are busy from the first rows instead of idle until the model is complete. Rows arrive grouped
 * by endpoint (the dataset is sorted by row id); when the endpoint changes, the finished one's
 * status schemas are computed exactly as the endpoint documents will compute them and queued.
 * If an endpoint's rows were scattered after all, its final status schema is another text and
 * is compiled later: the guess costs time, never correctness.
 */
function typePrefetcher(types: TypeCompiler, normalise: (example: Example) => NormalisedSchema): { row: (row: CatalogueRow) => void; end: () => void } {
  let key = '';
  let rows: CatalogueRow[] = [];
  const end = () => {
    for (const response of groupResponses(rows)) types.prefetch(statusSchema(response, normalise).status);
    rows = [];
  };
  return {
    row(row) {
      const rowKey = `${row.apiId}/${row.endpointId}`;
      if (rowKey !== key) {
        end();
        key = rowKey;
      }
      rows.push(row);
    },
    end,
  };
}

/** Everything an endpoint's files are made from. Two equal hashes mean byte-identical files. */
function endpointInputHash(api: Api, endpoint: Endpoint): string {
  const identity = [GENERATOR_VERSION, api.id, api.name, api.slug, api.typeName, endpoint.name, endpoint.slug, endpoint.typeName, endpoint.description];
  const parts: string[] = [JSON.stringify(identity)];
  for (const response of endpoint.responses) {
    for (const example of response.examples) {
      parts.push(JSON.stringify([response.status, example.rowId, example.summary]), example.schemaText, example.bodyText);
    }
  }
  return contentHash(parts.join('\u0000'));
}

function examplesOf(endpoint: Endpoint, status: number): number {
  return endpoint.responses.find((r) => r.status === status)?.examples.length ?? 0;
}

function isReusable(before: ManifestEndpoint, inputHash: string, paths: { schema: string; types: string }, previous: Manifest): boolean {
  return (
    before.inputHash === inputHash &&
    before.files.schema === paths.schema &&
    before.files.types === paths.types &&
    previous.files[paths.schema] !== undefined &&
    previous.files[paths.types] !== undefined
  );
}

function countReusable(
  model: CatalogueModel,
  inputHashes: ReadonlyMap<string, string>,
  previousEndpoints: ReadonlyMap<string, ManifestEndpoint>,
  previous: Manifest | undefined,
): number {
  if (!previous) return 0;
  let count = 0;
  for (const api of model.apis) {
    for (const endpoint of api.endpoints) {
      const before = previousEndpoints.get(endpoint.id);
      const hash = inputHashes.get(endpoint.id);
      if (before && (hash === undefined || isReusable(before, hash, endpointPaths(api, endpoint), previous))) count++;
    }
  }
  return count;
}

/** Schema findings of the previous build by endpoint uuid, replayed for endpoints it reuses. */
function groupFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.ruleId === 'catalogue/invalid-row' || !finding.source?.rowId) continue; // rows are re-read
    const key = groupKeyOfRowId(finding.source.rowId);
    const list = map.get(key);
    if (list) list.push(finding);
    else map.set(key, [finding]);
  }
  return map;
}

function indexManifest(manifest: Manifest | undefined): Map<string, ManifestEndpoint> {
  const map = new Map<string, ManifestEndpoint>();
  for (const api of manifest?.apis ?? []) for (const endpoint of api.endpoints) map.set(endpoint.id, endpoint);
  return map;
}

function countModelEndpoints(model: CatalogueModel): number {
  return model.apis.reduce((n, api) => n + api.endpoints.length, 0);
}

/** Files whose content on disk differs from what a build would write (or that would be removed). */
async function staleFiles(out: string, hashes: Record<string, string>, manifestText: string): Promise<string[]> {
  const expected = new Map<string, string>(Object.entries(hashes));
  expected.set(MANIFEST_FILE, contentHash(manifestText));
  const paths = [...expected.keys()].sort();
  const stale = new Set<string>();
  // tens of thousands of small reads: keep a few dozen in flight rather than one at a time
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      let onDisk: string | undefined;
      try {
        onDisk = contentHash(await readFile(join(out, path)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      if (onDisk !== expected.get(path)) stale.add(path);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return paths.filter((path) => stale.has(path));
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

