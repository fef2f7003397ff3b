import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../findings/types.ts';

/** Bump when anything changes what the build writes for the same input. */
export const GENERATOR_VERSION = 3;

export interface ManifestStatus {
  status: number;
  /** Content hash of the status body schema (canonical JSON, `anyOf` of distinct example schemas). */
  schemaHash: string;
  examples: number;
}

export interface ManifestEndpoint {
  id: string;
  name: string;
  slug: string;
  typeName: string;
  /** Hash of everything the endpoint's files are made from (its rows' content and its API's names). */
  inputHash: string;
  statuses: ManifestStatus[];
  files: { schema: string; types: string };
}

export interface ManifestApi {
  id: string;
  name: string;
  description: string;
  score: number | null;
  slug: string;
  typeName: string;
  endpoints: ManifestEndpoint[];
}

export interface Manifest {
  generator: { name: 'apiconform'; version: number };
  source: { file: string; sha256: string; format: string; rows: number; invalidRows: number };
  apis: ManifestApi[];
  /**
   * CSV only: per endpoint uuid (or unreadable row id), a hash of its raw records, so the next
   * build can skip parsing endpoints whose bytes did not change.
   */
  sources?: Record<string, string>;
  /** Every file the build owns (paths relative to the output folder) and its content hash. */
  files: Record<string, string>;
  /** What the build found (bad rows, schema problems), replayed when an endpoint is reused. */
  findings: Finding[];
}

export const MANIFEST_FILE = 'manifest.json';

/** The previous build's manifest, or undefined when there is none or it is not ours/current. */
export async function readManifest(out: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(out, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const manifest = JSON.parse(text) as Manifest;
    if (manifest?.generator?.name !== 'apiconform' || manifest.generator.version !== GENERATOR_VERSION) return undefined;
    if (!Array.isArray(manifest.apis) || typeof manifest.files !== 'object' || !Array.isArray(manifest.findings)) return undefined;
    return manifest;
  } catch {
    return undefined; // a torn or hand-broken manifest only costs a full rebuild
  }
}
