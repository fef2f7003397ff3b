import { createHash } from 'node:crypto';
import type { Api } from '../../model/types.ts';

/**
 * Everything the checks' findings about one API are made from: its names and slugs, and every row
 * of it as the catalogue wrote it (status, label, schema and body text, row id, file and line —
 * findings cite the line). Two equal hashes mean the same findings, given the same code and
 * options. Hashed incrementally: an API's rows can run to megabytes.
 */
export function apiInputHash(api: Api): string {
  const hash = createHash('sha256');
  const part = (text: string) => hash.update(text).update('\u0000');
  part(JSON.stringify([api.id, api.name, api.slug]));
  for (const endpoint of api.endpoints) {
    part(JSON.stringify([endpoint.id, endpoint.name, endpoint.slug]));
    for (const response of endpoint.responses) {
      for (const example of response.examples) {
        part(JSON.stringify([response.status, example.rowId, example.responseIndex, example.exampleIndex, example.summary, example.source.file, example.source.line]));
        part(example.schemaText);
        part(example.bodyText);
      }
    }
  }
  return hash.digest('hex').slice(0, 16);
}
