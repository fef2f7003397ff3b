import type { Finding } from '../findings/types.ts';
import { compareFindings } from '../findings/types.ts';
import { summariseReport, uniqueCases } from './summary.ts';
import type { DriftBlindness, SeverityCounts } from './summary.ts';
import type { ReportCase, ReportCatalogue, ReportInput } from './types.ts';

/** Bumped when a field changes meaning or disappears; adding a field does not bump it. */
export const FINDINGS_JSON_SCHEMA = 'apiconform/findings@1';

/**
 * `findings.json`, the machine-readable report. Its shape is a public interface (CI scripts and
 * `report --merge` read it), so it is spelled out here and keys come in a fixed order:
 *
 * - `schema`: `apiconform/findings@1`
 * - `tool`: `{ name, version }`; `command`: the command that ran
 * - `catalogue`: `{ file, rows, apis, endpoints, responses }`
 * - `failOn`: `error | warning | info | never`; `failed`: whether the exit code is 1
 * - `totals`: `{ error, warning, info }`
 * - `durationMs`: only when the run was timed (it makes the file differ between runs)
 * - `accepted`: how many findings an ignore entry or a baseline accepted (left out of `totals`)
 * - `findings`: every finding in `compareFindings` order, keys in a fixed order; an accepted one
 *   carries `accepted: { by, reason, expires? }`
 * - `fixed`: with a baseline, its findings that no longer occur
 * - `cases`: every endpoint×status that was checked, sorted, so a merged report knows what was clean
 */
export interface FindingsJson {
  schema: typeof FINDINGS_JSON_SCHEMA;
  tool: { name: string; version: string };
  command: string;
  catalogue: ReportCatalogue;
  failOn: ReportInput['failOn'];
  failed: boolean;
  totals: SeverityCounts;
  /** Derived from the `property/drift-blind` findings (absent when there are none). */
  driftBlindness?: DriftBlindness[];
  durationMs?: number;
  accepted?: number;
  findings: Finding[];
  fixed?: Finding[];
  cases: ReportCase[];
}

export function toFindingsJson(input: ReportInput): FindingsJson {
  const summary = summariseReport(input);
  const { file, rows, apis, endpoints, responses } = input.catalogue;
  return {
    schema: FINDINGS_JSON_SCHEMA,
    tool: { name: input.tool.name, version: input.tool.version },
    command: input.command,
    catalogue: { file, rows, apis, endpoints, responses },
    failOn: input.failOn,
    failed: summary.failed,
    totals: summary.totals,
    ...(summary.driftBlindness.length > 0 ? { driftBlindness: summary.driftBlindness } : {}),
    ...(input.durationMs === undefined ? {} : { durationMs: input.durationMs }),
    ...(summary.accepted.length > 0 ? { accepted: summary.accepted.length } : {}),
    findings: [...summary.findings, ...summary.accepted].sort(compareFindings).map(orderedFinding),
    ...(input.fixed ? { fixed: summary.fixed.map(orderedFinding) } : {}),
    cases: uniqueCases(input.cases).map(({ api, apiName, endpoint, endpointName, status }) => ({
      api,
      apiName,
      endpoint,
      endpointName,
      status,
    })),
  };
}

export function renderJson(input: ReportInput): string {
  return `${JSON.stringify(toFindingsJson(input), null, 2)}\n`;
}

/** The finding record's key order, absent optional fields left out (never `null`). */
function orderedFinding(finding: Finding): Finding {
  const { ruleId, severity, api, endpoint, status, example, pointer, message, evidence, source, accepted } = finding;
  return {
    ruleId,
    severity,
    api,
    endpoint,
    ...(status === undefined ? {} : { status }),
    ...(example === undefined ? {} : { example }),
    ...(pointer === undefined ? {} : { pointer }),
    message,
    ...(evidence === undefined ? {} : { evidence }),
    ...(source === undefined
      ? {}
      : { source: source.rowId === undefined ? { file: source.file, line: source.line } : { file: source.file, line: source.line, rowId: source.rowId } }),
    ...(accepted === undefined ? {} : { accepted }),
  };
}
