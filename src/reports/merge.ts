import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isPlainObject } from '../util/json.ts';
import type { Finding } from '../findings/types.ts';
import type { RuleDefinition } from '../rules/types.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { inputError } from '../util/errors.ts';
import { createAjv } from '../validators/ajv.ts';
import { FINDINGS_JSON_SCHEMA, type FindingsJson } from './json.ts';
import { FINDINGS_JSON_DOCUMENT_SCHEMA, MAX_FINDINGS_JSON_BYTES, MAX_FINDINGS_JSON_DEPTH } from './findings-schema.ts';
import { uniqueCases } from './summary.ts';
import { REPORT_FILE_NAMES, type ReportInput } from './types.ts';

/**
 * Reads the findings.json a `--merge` argument names (a file, or a report folder holding one):
 * only a regular file, and no more than `MAX_FINDINGS_JSON_BYTES` of it, so a device such as
 * `/dev/zero` or a runaway file cannot take the memory. Then `parseFindingsJson`.
 */
export async function readFindingsJson(given: string): Promise<FindingsJson> {
  let file = given;
  let info = await statOf(given);
  if (info.isDirectory()) {
    file = join(given, REPORT_FILE_NAMES.json);
    try {
      info = await stat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw inputError(`is a folder without a ${REPORT_FILE_NAMES.json}: give a report folder or a findings.json`, { file: given });
      throw inputError(`cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file });
    }
  }
  if (!info.isFile()) throw inputError('is not a regular file (a findings.json is)', { file });
  if (info.size > MAX_FINDINGS_JSON_BYTES) throw inputError(`is ${info.size} bytes, more than the ${MAX_FINDINGS_JSON_BYTES} a findings.json may have`, { file });
  const handle = await open(file, 'r');
  try {
    // read at most one byte past the size: a file that grows while read is still bounded
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) throw inputError(`grew while being read, past its ${info.size} bytes`, { file });
    }
    return parseFindingsJson(buffer.toString('utf8', 0, length), file);
  } finally {
    await handle.close();
  }
}

async function statOf(file: string) {
  try {
    return await stat(file);
  } catch (error) {
    throw inputError(`cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file });
  }
}

let validateDocument: ValidateFunction | undefined;

/**
 * Parses and checks a `findings.json` written by any run (a CI shard, `lint`, `validate`…)
 * against its JSON Schema (findings-schema.ts), nesting first, so nothing recursive ever sees an
 * unchecked value. Anything wrong is an input error naming the file and the JSON pointer, never
 * a half-merged report.
 */
export function parseFindingsJson(text: string, file: string): FindingsJson {
  if (text.length > MAX_FINDINGS_JSON_BYTES) throw inputError(`is longer than the ${MAX_FINDINGS_JSON_BYTES} bytes a findings.json may have`, { file });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw inputError(`not JSON: ${(error as Error).message.slice(0, 200)}`, { file });
  }
  const fail = (pointer: string, message: string) => inputError(message, { file, pointer });
  if (!isPlainObject(data)) throw fail('', 'not a findings.json report (expected an object)');
  if (data.schema !== FINDINGS_JSON_SCHEMA) {
    const found = typeof data.schema === 'string' ? JSON.stringify(data.schema.slice(0, 100)) : data.schema === undefined ? 'missing' : `a ${typeof data.schema}`;
    throw fail('/schema', `not a findings.json this version reads: schema is ${found}, expected "${FINDINGS_JSON_SCHEMA}"`);
  }
  const deep = deeperThan(data, MAX_FINDINGS_JSON_DEPTH);
  if (deep !== undefined) throw fail(deep, `nested more than ${MAX_FINDINGS_JSON_DEPTH} levels deep`);
  validateDocument ??= createAjv({ allErrors: false }).compile(FINDINGS_JSON_DOCUMENT_SCHEMA);
  if (!validateDocument(data)) throw fail(...describeSchemaError(validateDocument.errors![0]!, data));
  return data as unknown as FindingsJson;
}

/** Where and what, in words: `/catalogue/rows`, "must be <= 10000000, not 1e+300". */
function describeSchemaError(error: ErrorObject, data: unknown): [string, string] {
  const params = error.params as { missingProperty?: string; allowedValues?: unknown[] };
  if (error.keyword === 'required') return [`${error.instancePath}/${params.missingProperty}`, 'is missing'];
  const value = valueAt(data, error.instancePath);
  const shown = value === null || typeof value !== 'object' ? `, not ${JSON.stringify(value)?.slice(0, 80) ?? String(value)}` : '';
  if (error.keyword === 'enum') return [error.instancePath, `must be one of ${params.allowedValues!.join(', ')}${shown}`];
  if (error.keyword === 'maxLength' || error.keyword === 'maxItems') return [error.instancePath, error.message ?? error.keyword];
  return [error.instancePath, `${error.message ?? error.keyword}${shown}`];
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** The pointer of a value nested deeper than `limit` (found without recursion), or undefined. */
function deeperThan(value: unknown, limit: number): string | undefined {
  const stack: Array<[unknown, number, string]> = [[value, 0, '']];
  while (stack.length > 0) {
    const [item, depth, pointer] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return pointer;
    const entries = Array.isArray(item) ? item.map((child, i) => [String(i), child] as const) : Object.entries(item);
    for (const [key, child] of entries) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
    }
  }
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
