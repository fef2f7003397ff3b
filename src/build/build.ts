import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Finding } from '../findings/types.ts';
import type { CatalogueModel } from '../model/types.ts';
import { assertReadable } from '../util/files.ts';
import { contentHash, fileHash } from '../util/hash.ts';
import { CACHE_DIR, KeyedCache } from '../util/keyed-cache.ts';
import { codeFingerprint } from '../util/code-fingerprint.ts';
import { recoverOutput } from './commit.ts';
import { MANIFEST_FILE, readManifest, type Manifest } from './manifest.ts';

export interface BuildOptions {
  catalogue: string;
  out: string;
  /** Write nothing; report which files are stale. */
  check?: boolean;
  /** A bad row is fatal instead of a finding. */
  strict?: boolean;
  /** Regenerate everything even if the manifest says it is current. */
  force?: boolean;
  /** Paths in the manifest are written relative to this folder (the project root). */
  root?: string;
  onProgress?: (event: BuildProgress) => void;
  /** Read every row and return the complete model (no skipping of unchanged endpoints). */
  fullModel?: boolean;
  /** Worker threads for type generation (default: one per core for large builds, none for small). */
  workers?: number;
}

export type BuildProgress =
  | { phase: 'read'; rows: number }
  | { phase: 'generate'; done: number; total: number };

export interface BuildResult {
  findings: Finding[];
  /**
   * The complete model, or absent when the build was a no-op or skipped unchanged endpoints
   * (pass `fullModel` to always get it).
   */
  model?: CatalogueModel;
  /** Files written (or, with `check`, that would be written), relative to `out`. */
  written: string[];
  /** Files removed (or that would be), relative to `out`. */
  removed: string[];
  /** Endpoints regenerated / reused from the previous build. */
  regenerated: number;
  reused: number;
  noOp: boolean;
  rows: number;
}

/**
 * catalogue → generated/: per-endpoint schema documents, TypeScript types, indexes, manifest.
 *
 * Incremental by content: each endpoint's input hash is compared with the previous manifest, and
 * an endpoint whose rows, names and API did not change keeps its files untouched (no schema or
 * type work). A catalogue byte-identical to the last build's is a no-op without parsing.
 *
 * Atomic as a whole: files are staged and committed together (commit.ts), and a build first
 * recovers what an interrupted one left, so the tree it reads, and the one it leaves, is always
 * exactly one build's output.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const out = resolve(options.out);
  const root = resolve(options.root ?? process.cwd());
  await assertReadable(options.catalogue);
  recoverOutput(out);
  const sourceBytes = await readFile(options.catalogue);
  const sourceSha = fileHash(sourceBytes);
  const manifest = options.force ? undefined : await readManifest(out);
  // Endpoints are reused only if this code made them: after a code change every file is
  // regenerated and compared (the manifest still says which files the tree holds, for removals).
  const trusted = manifest !== undefined && (await builtByThisCode(root, out));
  if (manifest && trusted && manifest.source.sha256 === sourceSha && !options.check && !options.fullModel && filesPresent(out, manifest)) {
    return { findings: manifest.findings, written: [], removed: [], regenerated: 0, reused: countEndpoints(manifest), noOp: true, rows: manifest.source.rows };
  }
  const previous = manifest && !trusted ? withoutReuse(manifest) : manifest;

  const result = await (await import('./pipeline.ts')).runBuild(options, { out, root, sourceBytes, sourceSha, previous });
  if (!options.check) await recordBuild(root, out);
  return result;
}

/** The manifest as a list of files only: no endpoint matches its input hash, no raw rows are skipped. */
function withoutReuse(manifest: Manifest): Manifest {
  const { sources: _sources, ...rest } = manifest;
  return { ...rest, apis: manifest.apis.map((api) => ({ ...api, endpoints: api.endpoints.map((endpoint) => ({ ...endpoint, inputHash: '' })) })) };
}

const BUILDS_FILE = 'builds.json';
const buildsCache = () => `builds-v1 ${codeFingerprint()}`;
const buildKey = async (out: string) => {
  try {
    return contentHash(`${out}\u0000${fileHash(await readFile(resolve(out, MANIFEST_FILE)))}`);
  } catch {
    return undefined; // no manifest: nothing to reuse
  }
};

/**
 * Whether the manifest in `out` was written by this code (a record in the project's cache folder,
 * keyed by the manifest's bytes, under the fingerprint of all the code). The committed manifest
 * cannot say it: it would change with every edit to the code. A fresh clone has no record, so
 * its first build (or `--check`) regenerates and compares everything.
 */
async function builtByThisCode(root: string, out: string): Promise<boolean> {
  const key = await buildKey(out);
  return key !== undefined && KeyedCache.open<true>(resolve(root, CACHE_DIR), BUILDS_FILE, buildsCache()).get(key) === true;
}

async function recordBuild(root: string, out: string): Promise<void> {
  const key = await buildKey(out);
  if (key === undefined) return;
  const cache = KeyedCache.open<true>(resolve(root, CACHE_DIR), BUILDS_FILE, buildsCache());
  cache.set(key, true);
  await cache.save();
}

function countEndpoints(manifest: Manifest): number {
  return manifest.apis.reduce((n, api) => n + api.endpoints.length, 0);
}

/** Every file the manifest lists is still there (a cheap check; `--check` compares contents). */
function filesPresent(out: string, manifest: Manifest): boolean {
  const prefix = out + sep; // plain concatenation: path.join for 30k files shows up in the no-op time
  return Object.keys(manifest.files).every((path) => existsSync(prefix + path));
}
