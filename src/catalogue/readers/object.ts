import { CATALOGUE_COLUMNS } from '../columns.ts';
import type { RawRecord, SourceLocation } from '../types.ts';

/** Maps a row object (JSON, JSONL, Parquet) onto the catalogue columns; unknown keys are ignored. */
export function recordFromObject(value: unknown, source: SourceLocation): RawRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { values: {}, readerProblem: 'is not an object with the catalogue columns', source };
  }
  const row = value as Record<string, unknown>;
  const values: RawRecord['values'] = {};
  for (const column of CATALOGUE_COLUMNS) if (column in row) values[column] = row[column];
  const rowId = typeof values.id === 'string' ? values.id : undefined;
  return { values, source: { ...source, rowId } };
}
