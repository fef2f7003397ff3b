import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ApiconformError } from '../../src/util/errors.ts';
import type { CatalogueRow } from '../../src/catalogue/index.ts';
import { ROOT } from '../helpers.ts';

export const FIXTURES = join(ROOT, 'test/fixtures/catalogue');
export const SEED_SAMPLE = join(ROOT, 'data/seed/rapidapi-example-responses.sample.txt');

export const HEADER = [
  'id', 'api_name', 'api_description', 'api_score', 'endpoint_name', 'endpoint_description',
  'response_status_code', 'response_summary', 'response_json', 'response_json_schema',
] as const;

/** A valid row id: api `n`, endpoint `m`. */
export function rowId(api: number, endpoint: number, response = 0, example = 0): string {
  const hex = (n: number) => n.toString(16).padStart(12, '0');
  return `aaaaaaaa-0000-4000-8000-${hex(api)}/bbbbbbbb-0000-4000-8000-${hex(endpoint)}/${response}/${example}`;
}

export async function writeFixture(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

/** Rows compared across formats: everything but where they came from. */
export function withoutSource(rows: readonly CatalogueRow[]): Omit<CatalogueRow, 'source'>[] {
  return rows.map(({ source: _source, ...row }) => row);
}

/** Awaits `promise`, expecting an ApiconformError of kind 'input'; returns it for more checks. */
export async function inputErrorOf(promise: Promise<unknown>): Promise<ApiconformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiconformError);
  expect((error as ApiconformError).kind).toBe('input');
  return error as ApiconformError;
}
