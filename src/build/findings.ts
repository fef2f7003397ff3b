import type { RowProblem } from '../catalogue/types.ts';
import type { Finding } from '../findings/types.ts';
import type { Api, Endpoint } from '../model/types.ts';
import type { ExampleSchemaProblem } from '../schemas/index.ts';
import { ruleById } from '../rules/index.ts';
import { slugify } from '../util/slug.ts';

/** A row that could not be read, as a finding that names the file, line and row id. */
export function rowProblemFinding(problem: RowProblem): Finding {
  const column = problem.column ? ` (${problem.column})` : '';
  return {
    ruleId: 'catalogue/invalid-row',
    severity: ruleById('catalogue/invalid-row')!.severity,
    api: problem.apiName ? slugify(problem.apiName, 'api') : (problem.apiId ?? ''),
    endpoint: problem.endpointName ? slugify(problem.endpointName, 'endpoint') : '',
    ...(problem.status !== undefined ? { status: problem.status } : {}),
    message: `${problem.source.file}:${problem.source.line}${problem.rowId ? ` row ${problem.rowId}` : ''}${column}: ${problem.message}; the row is skipped`,
    source: { file: problem.source.file, line: problem.source.line, ...(problem.rowId ? { rowId: problem.rowId } : {}) },
  };
}

/** A keyword the normaliser rewrote or refused, located in the example's schema. */
export function schemaProblemFinding(api: Api, endpoint: Endpoint, problem: ExampleSchemaProblem): Finding {
  const { example } = problem;
  return {
    ruleId: problem.ruleId,
    severity: ruleById(problem.ruleId)!.severity,
    api: api.slug,
    endpoint: endpoint.slug,
    status: problem.status,
    example: example.exampleIndex,
    pointer: problem.pointer,
    message: `schema of ${endpoint.name} ${problem.status} (row ${example.rowId}) at ${problem.pointer || '/'}: ${problem.message}`,
    source: { file: example.source.file, line: example.source.line, rowId: example.rowId },
  };
}
