import { isPlainObject } from '../util/json.ts';
import { SEVERITIES, type Finding, type Severity } from '../findings/types.ts';
import type { RuleDefinition } from '../rules/types.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { inputError } from '../util/errors.ts';
import { FINDINGS_JSON_SCHEMA, type FindingsJson } from './json.ts';
import { uniqueCases } from './summary.ts';
import type { ReportInput } from './types.ts';

/**
 * Reads a `findings.json` written by any run (a CI shard, `lint`, `validate`…), checking the
 * parts a merged report relies on; anything else is an input error that names the file and the
 * field, never a half-merged report.
 */
export function parseFindingsJson(text: string, file: string): FindingsJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw inputError(`not JSON: ${(error as Error).message}`, { file });
  }
  const fail = (pointer: string, message: string) => inputError(message, { file, pointer });
  if (!isPlainObject(data)) throw fail('', 'not a findings.json report (expected an object)');
  if (data.schema !== FINDINGS_JSON_SCHEMA) {
    throw fail('/schema', `not a findings.json this version reads: schema is ${JSON.stringify(data.schema) ?? 'missing'}, expected "${FINDINGS_JSON_SCHEMA}"`);
  }
  if (typeof data.command !== 'string') throw fail('/command', 'command is missing');
  const catalogue = data.catalogue;
  if (!isPlainObject(catalogue) || typeof catalogue.file !== 'string' || !['rows', 'apis', 'endpoints', 'responses'].every((k) => Number.isInteger(catalogue[k]))) {
    throw fail('/catalogue', 'catalogue must be { file, rows, apis, endpoints, responses }');
  }
  if (!Array.isArray(data.findings)) throw fail('/findings', 'findings must be an array');
  data.findings.forEach((finding, i) => {
    const problem = findingProblem(finding);
    if (problem) throw fail(`/findings/${i}`, problem);
  });
  if (!Array.isArray(data.cases)) throw fail('/cases', 'cases must be an array');
  data.cases.forEach((item, i) => {
    if (!isPlainObject(item) || typeof item.api !== 'string' || typeof item.endpoint !== 'string' || !Number.isInteger(item.status) || typeof item.apiName !== 'string' || typeof item.endpointName !== 'string') {
      throw fail(`/cases/${i}`, 'a case must be { api, apiName, endpoint, endpointName, status }');
    }
  });
  return data as unknown as FindingsJson;
}

function findingProblem(finding: unknown): string | undefined {
  if (!isPlainObject(finding)) return 'a finding must be an object';
  for (const key of ['ruleId', 'api', 'endpoint', 'message'] as const) if (typeof finding[key] !== 'string') return `${key} must be a string`;
  if (!SEVERITIES.includes(finding.severity as Severity)) return `severity is ${JSON.stringify(finding.severity)}, not one of ${SEVERITIES.join(', ')}`;
  if (finding.status !== undefined && !Number.isInteger(finding.status)) return 'status must be an integer';
  return undefined;
}

/**
 * Several reports → one: findings and checked cases are unioned (a finding reported by two
 * reports, e.g. the same file given twice or shards that overlap, counts once); severities are
 * kept as the runs graded them. All reports must be about the same catalogue file: counts from
 * different catalogues would not add up to anything true.
 */
export function mergeReports(reports: ReadonlyArray<{ file: string; report: FindingsJson }>, context: { tool: ReportInput['tool']; rules: readonly RuleDefinition[]; failOn: ReportInput['failOn'] }): ReportInput {
  const [first] = reports;
  if (!first) throw inputError('report --merge needs at least one findings.json');
  const other = reports.find(({ report }) => report.catalogue.file !== first.report.catalogue.file);
  if (other) {
    throw inputError(`is about ${other.report.catalogue.file}, ${first.file} about ${first.report.catalogue.file}: reports of different catalogues cannot be merged`, { file: other.file });
  }
  const findings = new Map<string, Finding>();
  for (const { report } of reports) for (const finding of report.findings) findings.set(canonicalJson(finding), finding);
  const cases = uniqueCases(reports.flatMap(({ report }) => report.cases));
  const commands = [...new Set(reports.map(({ report }) => report.command))];
  const largest = (key: 'rows' | 'apis' | 'endpoints') => Math.max(...reports.map(({ report }) => report.catalogue[key]));
  return {
    tool: context.tool,
    command: commands.join('+'),
    catalogue: { file: first.report.catalogue.file, rows: largest('rows'), apis: largest('apis'), endpoints: largest('endpoints'), responses: Math.max(cases.length, ...reports.map(({ report }) => report.catalogue.responses)) },
    findings: [...findings.values()],
    cases,
    rules: context.rules,
    failOn: context.failOn,
  };
}
