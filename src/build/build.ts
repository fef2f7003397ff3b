import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Finding } from '../findings/types.ts';
import type { CatalogueModel } from '../model/types.ts';
import { assertReadable } from '../util/files.ts';
import { fileHash } from '../util/hash.ts';
import { recoverOutput } from './commit.ts';
import { readManifest, type Manifest } from './manifest.ts';

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
  const previous = options.force ? undefined : await readManifest(out);

  if (previous && previous.source.sha256 === sourceSha && !options.check && !options.fullModel && filesPresent(out, previous)) {
    return { findings: previous.findings, written: [], removed: [], regenerated: 0, reused: countEndpoints(previous), noOp: true, rows: previous.source.rows };
  }

  return (await import('./pipeline.ts')).runBuild(options, { out, root, sourceBytes, sourceSha, previous });
}

function countEndpoints(manifest: Manifest): number {
  return manifest.apis.reduce((n, api) => n + api.endpoints.length, 0);
}

/** Every file the manifest lists is still there (a cheap check; `--check` compares contents). */
function filesPresent(out: string, manifest: Manifest): boolean {
  const prefix = out + sep; // plain concatenation: path.join for 30k files shows up in the no-op time
  return Object.keys(manifest.files).every((path) => existsSync(prefix + path));
}
