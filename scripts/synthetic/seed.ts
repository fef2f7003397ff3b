/**
 * What the generator takes from the seed catalogue: its rows verbatim (the real dataset starts
 * with them), its bodies as templates for new shapes, and its names and descriptions as material
 * for new APIs and endpoints.
 */
import { readRecords, checkRecord, CATALOGUE_COLUMNS, type CatalogueColumn, type CatalogueRow } from '../../src/catalogue/index.ts';
import { inputError } from '../../src/util/errors.ts';
import { isObject } from './mutate-body.ts';
import { pythonJson } from './python-json.ts';

/** One catalogue row as written to a file: the dataset's columns, values as the dataset types them. */
export type CatalogueRecord = {
  id: string;
  api_name: string;
  api_description: string;
  api_score: number | null;
  endpoint_name: string;
  endpoint_description: string;
  response_status_code: number;
  response_summary: string | null;
  response_json: string;
  response_json_schema: string;
};

export interface SeedMaterial {
  /** The seed rows as they are, to open the synthetic catalogue with. */
  records: CatalogueRecord[];
  /** Bodies of 2xx rows (objects or lists of objects): templates for success shapes. */
  successBodies: unknown[];
  /** Bodies of the other rows: templates for error shapes. */
  errorBodies: unknown[];
  apiNames: string[];
  apiDescriptions: string[];
  endpointNames: string[];
  endpointDescriptions: string[];
}

export async function readSeed(file: string): Promise<SeedMaterial> {
  const records: CatalogueRecord[] = [];
  const rows: CatalogueRow[] = [];
  for await (const record of readRecords(file)) {
    const result = checkRecord(record);
    if (!result.ok) throw inputError(`seed row is not valid: ${result.problem.message}`, result.problem.source);
    rows.push(result.row);
    // Text as the file has it; a JSON catalogue may inline bodies and schemas as objects.
    const value = (column: CatalogueColumn) => {
      const raw = record.values[column];
      return typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : typeof raw === 'object' ? pythonJson(raw) : String(raw);
    };
    records.push({
      ...(Object.fromEntries(CATALOGUE_COLUMNS.map((c) => [c, value(c)])) as Record<CatalogueColumn, string>),
      api_score: result.row.apiScore,
      response_status_code: result.row.status,
      response_summary: result.row.summary,
    });
  }
  if (rows.length === 0) throw inputError('seed catalogue has no rows', { file });
  return seedMaterial(records, rows);
}

export function seedMaterial(records: CatalogueRecord[], rows: CatalogueRow[]): SeedMaterial {
  const usable = (body: unknown) => isObject(body) || (Array.isArray(body) && body.some(isObject));
  return {
    records,
    successBodies: rows.filter((r) => r.status >= 200 && r.status < 300 && usable(r.body)).map((r) => r.body),
    errorBodies: rows.filter((r) => (r.status < 200 || r.status >= 300) && usable(r.body)).map((r) => r.body),
    apiNames: unique(rows.map((r) => r.apiName)),
    apiDescriptions: unique(rows.map((r) => r.apiDescription).filter(Boolean)),
    endpointNames: unique(rows.map((r) => r.endpointName)),
    endpointDescriptions: unique(rows.map((r) => r.endpointDescription).filter(Boolean)),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
