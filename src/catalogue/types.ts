import type { CatalogueColumn } from './columns.ts';

/** Where a row came from: `file:line` (1-based line of the row's first line) and the row id. */
export interface SourceLocation {
  file: string;
  line: number;
  rowId?: string;
}

/** A row as a reader produced it: column values not yet checked, plus its source location. */
export interface RawRecord {
  values: Partial<Record<CatalogueColumn, unknown>>;
  /** Set when the reader already knows the record is structurally broken (e.g. column count). */
  readerProblem?: string;
  source: SourceLocation;
}

/** A checked row: ids split, status an integer, body and schema parsed. */
export interface CatalogueRow {
  id: string;
  apiId: string;
  endpointId: string;
  responseIndex: number;
  exampleIndex: number;
  apiName: string;
  apiDescription: string;
  apiScore: number | null;
  endpointName: string;
  endpointDescription: string;
  status: number;
  summary: string | null;
  body: unknown;
  /** The body exactly as written in the catalogue, kept for content hashing. */
  bodyText: string;
  schema: unknown;
  /** The schema exactly as written in the catalogue, kept for content hashing. */
  schemaText: string;
  source: SourceLocation;
}

/** A row that could not be read: what is wrong, in which column, where. */
export interface RowProblem {
  rowId?: string;
  apiId?: string;
  apiName?: string;
  endpointName?: string;
  status?: number;
  column?: CatalogueColumn;
  message: string;
  source: SourceLocation;
}

export type CatalogueFormat = 'csv' | 'jsonl' | 'json' | 'parquet';
