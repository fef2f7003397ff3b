import { readFile } from 'node:fs/promises';
import { parquetMetadata, parquetReadObjects, parquetSchema, type FileMetaData } from 'hyparquet';
import { inputError } from '../../util/errors.ts';
import type { RawRecord } from '../types.ts';
import { recordFromObject } from './object.ts';
import { checkHeader } from './header.ts';

/**
 * The dataset's native format, read with hyparquet (pure JS, no native build). Row groups are read
 * one at a time so memory stays near one group's size; the "line" of a row is its 1-based row
 * number in the file.
 *
 * A corrupt file is input, not a crash: a footer that cannot be decoded is an input error naming
 * the file; a row group that cannot be decoded (a broken page, a length or count that does not
 * add up, fewer or more rows than the footer promises) is one bad row naming the group, and the
 * other groups are read. Rows a corruption turns into other values go through the row checks like
 * any row (a flipped byte inside a plain, unchecksummed string can still decode as another valid
 * string: Parquet's page checksums are optional and the dataset's files have none).
 */
export async function* readParquet(path: string, file = path): AsyncGenerator<RawRecord> {
  const buffer = await readFile(path);
  const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  let metadata: FileMetaData;
  let columns: string[];
  try {
    metadata = parquetMetadata(arrayBuffer);
    columns = parquetSchema(metadata).children.map((child) => child.element.name);
  } catch (error) {
    throw inputError(`not a readable Parquet file: ${describe(error)}`, { file }, error);
  }
  checkHeader(columns, file);
  let rowStart = 0;
  for (const [index, group] of metadata.row_groups.entries()) {
    const count = Number(group.num_rows);
    const rowEnd = rowStart + count;
    let rows: Array<Record<string, unknown>>;
    try {
      // every row has a distinct id, so a group cannot hold more rows than the file has bytes
      if (!Number.isSafeInteger(count) || count < 0 || count > buffer.length) throw new Error(`the footer says it has ${String(group.num_rows)} rows`);
      rows = await parquetReadObjects({ file: arrayBuffer, metadata, rowStart, rowEnd });
      if (rows.length !== count) throw new Error(`${rows.length} rows decoded, the footer says ${count}`);
    } catch (error) {
      // with a row count that cannot be true, where the later groups' rows start is unknown too
      const countable = Number.isSafeInteger(count) && count >= 0 && count <= buffer.length;
      const span = countable && count > 0 ? ` (rows ${rowStart + 1}–${rowEnd})` : '';
      const skipped = countable ? 'the group is skipped' : 'it and the groups after it are skipped';
      yield {
        values: {},
        readerProblem: `is in Parquet row group ${index}${span}, which cannot be decoded (${describe(error)}); ${skipped}`,
        source: { file, line: rowStart + 1 },
      };
      if (!countable) return;
      rowStart = rowEnd;
      continue;
    }
    for (let index = 0; index < rows.length; index++) {
      yield recordFromObject(rows[index], { file, line: rowStart + index + 1 });
    }
    rowStart = rowEnd;
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}
