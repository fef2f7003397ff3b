import { readFile } from 'node:fs/promises';
import { inputError } from '../../util/errors.ts';
import type { RawRecord } from '../types.ts';
import { recordFromObject } from './object.ts';
import { emptyCatalogue } from './header.ts';

/**
 * A JSON array of row objects. The whole file is one document, so a syntax error is fatal; the
 * line reported for each row is its array index + 1 (JSON has no useful line for an element).
 */
export async function* readJsonArray(path: string, file = path): AsyncGenerator<RawRecord> {
  let rows: unknown;
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw emptyCatalogue(file, 'no rows');
  try {
    rows = JSON.parse(text);
  } catch (error) {
    throw inputError(`not valid JSON: ${(error as Error).message}`, { file }, error);
  }
  if (!Array.isArray(rows)) throw inputError('a .json catalogue must be an array of rows', { file });
  for (let index = 0; index < rows.length; index++) yield recordFromObject(rows[index], { file, line: index + 1 });
}
