import { SEVERITIES } from '../findings/types.ts';
import { MAX_JSON_DEPTH } from '../util/json-depth.ts';
import { FINDINGS_JSON_SCHEMA } from './json.ts';

/**
 * The JSON Schema (2020-12) of `findings.json` (see json.ts), which `report --merge` checks every
 * file against before using anything in it: a findings.json may come from another machine (a CI
 * shard's artifact), so counts that are negative or absurd, strings of any length and values
 * nested without end are refused, not printed as facts. Fields a newer writer adds are allowed.
 */

/** No catalogue has more rows, APIs, endpoints, findings or cases than this (the dataset has 28,059 rows). */
export const MAX_COUNT = 10_000_000;
/** Larger than any findings.json a run of the full-size catalogue writes, by far; read no further. */
export const MAX_FINDINGS_JSON_BYTES = 128 * 1024 * 1024;
/**
 * `evidence` is the only free-form part: at most a catalogue body or schema (themselves refused
 * beyond `MAX_JSON_DEPTH`) under the report's own few levels.
 */
export const MAX_FINDINGS_JSON_DEPTH = MAX_JSON_DEPTH + 8;

const count = { type: 'integer', minimum: 0, maximum: MAX_COUNT } as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const NAME = text(1_000);
const PATH = text(4_096);

export const FINDINGS_JSON_DOCUMENT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'apiconform findings.json',
  type: 'object',
  required: ['schema', 'tool', 'command', 'catalogue', 'failOn', 'failed', 'totals', 'findings', 'cases'],
  properties: {
    schema: { const: FINDINGS_JSON_SCHEMA },
    tool: { type: 'object', required: ['name', 'version'], properties: { name: NAME, version: NAME } },
    command: NAME,
    catalogue: {
      type: 'object',
      required: ['file', 'rows', 'apis', 'endpoints', 'responses'],
      properties: { file: PATH, rows: count, apis: count, endpoints: count, responses: count },
    },
    failOn: { enum: [...SEVERITIES, 'never'] },
    failed: { type: 'boolean' },
    totals: { type: 'object', required: [...SEVERITIES], properties: Object.fromEntries(SEVERITIES.map((s) => [s, count])) },
    durationMs: { type: 'number', minimum: 0, maximum: 1e10 },
    findings: { type: 'array', maxItems: MAX_COUNT, items: { $ref: '#/$defs/finding' } },
    cases: { type: 'array', maxItems: MAX_COUNT, items: { $ref: '#/$defs/case' } },
  },
  $defs: {
    finding: {
      type: 'object',
      required: ['ruleId', 'severity', 'api', 'endpoint', 'message'],
      properties: {
        ruleId: text(200),
        severity: { enum: [...SEVERITIES] },
        api: NAME,
        endpoint: NAME,
        status: { type: 'integer', minimum: 0, maximum: 999 },
        example: count,
        pointer: text(100_000),
        message: text(1_000_000),
        evidence: true,
        source: {
          type: 'object',
          required: ['file', 'line'],
          properties: { file: PATH, line: count, rowId: NAME },
        },
      },
    },
    case: {
      type: 'object',
      required: ['api', 'apiName', 'endpoint', 'endpointName', 'status'],
      properties: { api: NAME, apiName: NAME, endpoint: NAME, endpointName: NAME, status: { type: 'integer', minimum: 0, maximum: 999 } },
    },
  },
} as const;
