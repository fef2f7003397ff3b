import { createHash } from 'node:crypto';
import { checkRecord, type CatalogueRow } from '../../src/catalogue/index.ts';
import type { Finding } from '../../src/findings/types.ts';
import { buildModel, type CatalogueModel } from '../../src/model/index.ts';

/** A catalogue row as fixtures write it: names instead of ids, JSON values instead of JSON text. */
export interface FixtureRow {
  api: string;
  endpoint: string;
  status: number;
  summary?: string | null;
  body: unknown;
  /** Defaults to `{}` (anything goes). */
  schema?: unknown;
}

/** A deterministic uuid for a name, so fixtures need no ids. */
function uuidOf(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Fixture rows → checked catalogue rows, through the real row checker: the response index is the
 * status's order of appearance within its endpoint, the example index the row's order within its
 * endpoint × status, the source line the row's position (line 1 is the header).
 */
export function rowsOf(rows: readonly FixtureRow[]): CatalogueRow[] {
  const responseIndex = new Map<string, Map<number, number>>();
  const exampleCount = new Map<string, number>();
  return rows.map((row, i) => {
    const endpointKey = `${row.api}\u0000${row.endpoint}`;
    let statuses = responseIndex.get(endpointKey);
    if (!statuses) responseIndex.set(endpointKey, (statuses = new Map()));
    if (!statuses.has(row.status)) statuses.set(row.status, statuses.size);
    const statusKey = `${endpointKey}\u0000${row.status}`;
    const exampleIndex = exampleCount.get(statusKey) ?? 0;
    exampleCount.set(statusKey, exampleIndex + 1);
    const result = checkRecord({
      values: {
        id: `${uuidOf(row.api)}/${uuidOf(endpointKey)}/${statuses.get(row.status)}/${exampleIndex}`,
        api_name: row.api,
        api_description: '',
        api_score: null,
        endpoint_name: row.endpoint,
        endpoint_description: '',
        response_status_code: row.status,
        response_summary: row.summary ?? null,
        response_json: JSON.stringify(row.body),
        response_json_schema: JSON.stringify(row.schema ?? {}),
      },
      source: { file: 'fixture.csv', line: i + 2 },
    });
    if (!result.ok) throw new Error(`fixture row ${i}: ${result.problem.message}`);
    return result.row;
  });
}

export function modelOf(rows: readonly FixtureRow[]): CatalogueModel {
  return buildModel(rowsOf(rows)).model;
}

/** What a fixture says about a finding; every field given must match. */
export interface WantedFinding {
  ruleId?: string;
  endpoint?: string;
  status?: number;
  example?: number;
  pointer?: string;
  /** Substrings the message must contain. */
  message?: string[];
}

/** The finding in the shape a fixture's `want` compares against (only the fields the want names). */
export function project(finding: Finding, want: WantedFinding): WantedFinding {
  const out: WantedFinding = {};
  if (want.ruleId !== undefined) out.ruleId = finding.ruleId;
  if (want.endpoint !== undefined) out.endpoint = finding.endpoint;
  if (want.status !== undefined) out.status = finding.status;
  if (want.example !== undefined) out.example = finding.example;
  if (want.pointer !== undefined) out.pointer = finding.pointer;
  if (want.message !== undefined) out.message = want.message.filter((part) => finding.message.includes(part));
  return out;
}
