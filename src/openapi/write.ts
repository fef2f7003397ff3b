import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadBindings, type Bindings } from '../contracts/bindings.ts';
import { loadCatalogueModel } from '../model/index.ts';
import type { CatalogueModel } from '../model/types.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { exportOpenApi } from './export.ts';

export interface WriteOpenApiOptions {
  catalogue?: string;
  model?: CatalogueModel;
  out: string;
  bindings?: string | Bindings;
  strict?: boolean;
}

export interface WriteOpenApiResult {
  files: string[];
  endpoints: number;
  /** Endpoints written under a placeholder method and path (`x-apiconform-placeholder`). */
  placeholders: number;
  durationMs: number;
}

/** `apiconform openapi`: the catalogue → `<out>/<api slug>.openapi.json`, one OpenAPI 3.1 document per API. */
export async function writeOpenApi(options: WriteOpenApiOptions): Promise<WriteOpenApiResult> {
  const started = performance.now();
  const model = options.model ?? (await loadCatalogueModel(options.catalogue ?? 'data/catalogue.csv', { strict: options.strict })).model;
  const bindings = typeof options.bindings === 'string' ? await loadBindings(options.bindings) : options.bindings;
  const documents = exportOpenApi(model, bindings ? { bindings } : {});
  const out = resolve(options.out);
  await mkdir(out, { recursive: true });
  const files: string[] = [];
  for (const exported of documents) {
    const file = join(out, exported.file);
    await writeFileAtomic(file, `${JSON.stringify(exported.document, null, 2)}\n`);
    files.push(file);
  }
  return {
    files,
    endpoints: documents.reduce((n, d) => n + d.api.endpoints.length, 0),
    placeholders: documents.reduce((n, d) => n + d.placeholders, 0),
    durationMs: performance.now() - started,
  };
}
