import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Api, Endpoint } from '../model/types.ts';
import { inputError } from '../util/errors.ts';

/** Where an endpoint's files go, relative to the output folder (slugs are safe by construction). */
export function endpointPaths(api: Api, endpoint: Endpoint): { schema: string; types: string } {
  return { schema: `schemas/${api.slug}/${endpoint.slug}.schema.json`, types: `types/${api.slug}/${endpoint.slug}.ts` };
}

/** Joins a generated relative path onto the output folder, refusing anything that would escape it. */
export function safeJoin(out: string, path: string): string {
  const full = resolve(out, path);
  const rel = relative(out, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw inputError(`refusing to write outside the output folder: ${path}`);
  }
  return full;
}

/** A catalogue path as findings and the manifest show it: project-relative, never a machine path. */
export function displayPath(file: string, root: string): string {
  const rel = relative(root, resolve(file));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : basename(file);
}
