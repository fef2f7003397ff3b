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
  /** Where the endpoint lives, when the source says (an OpenAPI document does; the catalogue columns do not). */
  http?: EndpointHttp;
  /** The body was generated from the schema (the source had no example). */
  generated?: boolean;
}

/** An endpoint's HTTP operation, from an OpenAPI document. */
export interface EndpointHttp {
  /** Upper case: `GET`, `POST`… */
  method: string;
  /** The path template as the document writes it: `/pets/{petId}`. */
  path: string;
  /** The path with its parameters filled from their examples or schemas: `/pets/1`. */
  samplePath: string;
  /** The first server URL of the operation, path item or document, when there is one. */
  baseUrl?: string;
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
  /** Set by the OpenAPI reader only (see RawRecord). */
  http?: EndpointHttp;
  generated?: boolean;
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

export type CatalogueFormat = 'csv' | 'jsonl' | 'json' | 'parquet' | 'openapi';
