import { readFile } from 'node:fs/promises';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { inputError } from '../../util/errors.ts';
import type { RawRecord } from '../types.ts';
import { recordFromObject } from './object.ts';
import { checkHeader } from './header.ts';

/**
 * The dataset's native format, read with hyparquet (pure JS, no native build). Row groups are read
 * one at a time so memory stays near one group's size; the "line" of a row is its 1-based row
 * number in the file.
 */
export async function* readParquet(path: string, file = path): AsyncGenerator<RawRecord> {
  const buffer = await readFile(path);
  const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(arrayBuffer);
  } catch (error) {
    throw inputError(`not a readable Parquet file: ${(error as Error).message}`, { file }, error);
  }
  const columns = parquetSchema(metadata).children.map((child) => child.element.name);
  checkHeader(columns, file);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await parquetReadObjects({ file: arrayBuffer, metadata, rowStart, rowEnd });
    for (let index = 0; index < rows.length; index++) {
      yield recordFromObject(rows[index], { file, line: rowStart + index + 1 });
    }
    rowStart = rowEnd;
  }
}
