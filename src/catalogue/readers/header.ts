import { CATALOGUE_COLUMNS, REQUIRED_COLUMNS, type CatalogueColumn } from '../columns.ts';
import type { RawRecord, SourceLocation } from '../types.ts';
import { inputError } from '../../util/errors.ts';

const KNOWN = new Set<string>(CATALOGUE_COLUMNS);

/** Maps a positional record onto column names using the file's header row. */
export function recordFromArray(header: readonly string[], fields: readonly string[], source: SourceLocation): RawRecord {
  checkHeader(header, source.file);
  const values: RawRecord['values'] = {};
  header.forEach((name, index) => {
    if (KNOWN.has(name) && index < fields.length) values[name as CatalogueColumn] = fields[index];
  });
  const id = typeof values.id === 'string' ? values.id : undefined;
  const record: RawRecord = { values, source: { ...source, rowId: id } };
  if (fields.length !== header.length) {
    record.readerProblem = `has ${fields.length} fields, the header has ${header.length}`;
  }
  return record;
}

const checked = new WeakSet<readonly string[]>();

/** A catalogue without the required columns is unusable as a whole: fail once, clearly. */
export function checkHeader(header: readonly string[], file: string): void {
  if (checked.has(header)) return;
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw inputError(
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${header.join(', ') || 'none'})`,
      { file, line: 1 },
    );
  }
  checked.add(header);
}

/** The one error for a catalogue without rows, whatever its format. */
export function emptyCatalogue(file: string, why: string) {
  return inputError(`empty catalogue: ${why}`, { file });
}
