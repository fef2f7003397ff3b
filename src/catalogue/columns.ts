/**
 * The catalogue's columns, as the dataset names them (see data/seed/README.md). Readers map
 * whatever they read onto these names; unknown columns are ignored.
 */
export const CATALOGUE_COLUMNS = [
  'id',
  'api_name',
  'api_description',
  'api_score',
  'endpoint_name',
  'endpoint_description',
  'response_status_code',
  'response_summary',
  'response_json',
  'response_json_schema',
] as const;

export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];

/** Columns a row cannot do without; the others default to empty/null when absent. */
export const REQUIRED_COLUMNS: readonly CatalogueColumn[] = [
  'id',
  'api_name',
  'endpoint_name',
  'response_status_code',
  'response_json',
  'response_json_schema',
];
