import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { loadCatalogueModel } from '../../src/model/index.ts';
import { diffCatalogues } from '../../src/diff/index.ts';
import { BUNDLED_CATALOGUE, removeDir, runCli, tempDir } from '../helpers.ts';

const COLUMN = { endpoint_name: 4, status: 6, response_json_schema: 9 };
let dir: string;
let rows: string[][];
beforeAll(async () => {
  dir = await tempDir('apiconform-diff-');
  rows = parse(await readFile(BUNDLED_CATALOGUE, 'utf8')) as string[][];
});
afterAll(async () => removeDir(dir));

/** The bundled catalogue with `edit` applied, written as a new version. */
async function version(name: string, edit: (rows: string[][]) => string[][] | void): Promise<string> {
  const copy = structuredClone(rows);
  const edited = edit(copy) ?? copy;
  const file = join(dir, `${name}.csv`);
  await writeFile(file, stringify(edited, { record_delimiter: 'unix' }));
  return file;
}

const row = (r: string[][], endpoint: string, status: string) => r.find((x) => x[COLUMN.endpoint_name] === endpoint && x[COLUMN.status] === status)!;
const editSchema = (r: string[], change: (schema: { properties: Record<string, unknown>; required?: string[] }) => void) => {
  const schema = JSON.parse(r[COLUMN.response_json_schema]!);
  change(schema);
  r[COLUMN.response_json_schema] = JSON.stringify(schema);
};

async function diff(oldFile: string, newFile: string) {
  const [before, after] = await Promise.all([loadCatalogueModel(oldFile), loadCatalogueModel(newFile)]);
  return diffCatalogues(before.model, after.model);
}

describe('diff between two catalogue versions', () => {
  it('reports breaking changes as errors, with the endpoint, status and a pointer into the new document', async () => {
    const changed = await version('breaking', (r) => {
      editSchema(row(r, 'Get message by id', '200'), (s) => (s.properties.campaign_id = { type: 'string' })); // null → string
      editSchema(row(r, 'Send Viber Message', '200'), (s) => {
        delete s.properties.created_at;
        s.required = s.required!.filter((n) => n !== 'created_at');
      });
      for (const x of r) if (x[COLUMN.endpoint_name] === 'Send Viber Message') x[COLUMN.endpoint_name] = 'Send Viber message (v2)'; // a rename is not a change
      return r.filter((x) => x[COLUMN.endpoint_name] !== 'NumLookup'); // every row of one endpoint
    });
    const findings = await diff(BUNDLED_CATALOGUE, changed);
    const shown = findings.map((f) => `${f.severity} ${f.ruleId} ${f.api}/${f.endpoint} ${f.status ?? ''} ${f.pointer ?? ''}`).sort();
    expect(shown).toEqual([
      'error diff/endpoint-removed d7sms/num-lookup  ',
      'error diff/required-property-removed d7sms/send-viber-message-v2 200 /$defs/status200/properties/created_at',
      'error diff/type-widened smsto/get-message-by-id 200 /$defs/status200/properties/campaign_id',
      'info diff/became-not-nullable smsto/get-message-by-id 200 /$defs/status200/properties/campaign_id',
    ]);
    const removed = findings.find((f) => f.ruleId === 'diff/required-property-removed')!;
    expect(removed.message).toContain('created_at: is gone');
    expect(removed.source).toMatchObject({ file: BUNDLED_CATALOGUE, line: expect.any(Number) as number });
  });

  it('statuses: a removed 2xx is breaking, a removed error status and an added status are not', async () => {
    const changed = await version('statuses', (r) =>
      r
        .filter((x) => !(x[COLUMN.endpoint_name] === 'Send Viber Message' && x[COLUMN.status] === '200'))
        .filter((x) => !(x[COLUMN.endpoint_name] === 'NumLookup' && x[COLUMN.status] === '402'))
        .map((x) => (x[COLUMN.endpoint_name] === 'NumLookup' && x[COLUMN.status] === '401' ? [...x.slice(0, 6), '403', ...x.slice(7)] : x)),
    );
    const shown = (await diff(BUNDLED_CATALOGUE, changed)).map((f) => `${f.severity} ${f.ruleId} ${f.endpoint} ${f.status}`).sort();
    expect(shown).toEqual([
      'error diff/success-status-removed send-viber-message 200',
      'info diff/error-status-added num-lookup 403',
      'info diff/error-status-removed num-lookup 401',
      'info diff/error-status-removed num-lookup 402',
    ]);
  });

  it('the CLI gates on breaking changes (exit 1), passes additive ones (exit 0), and --fail-on warning also fails on risky ones', async () => {
    const breaking = await version('cli-breaking', (r) => r.filter((x) => x[COLUMN.endpoint_name] !== 'NumLookup'));
    const additive = await version('cli-additive', (r) => editSchema(row(r, 'Send Viber Message', '200'), (s) => (s.properties.cost = { type: 'number' })));
    const risky = await version('cli-risky', (r) => editSchema(row(r, 'Send Viber Message', '200'), (s) => (s.properties.status = { type: 'string', enum: ['accepted'] })));
    const riskier = await version('cli-riskier', (r) => editSchema(row(r, 'Send Viber Message', '200'), (s) => (s.properties.status = { type: 'string', enum: ['accepted', 'queued'] })));
    const out = join(dir, 'reports');

    const failing = runCli(['diff', BUNDLED_CATALOGUE, breaking, '--out', out, '--fail-on', 'breaking', '--json']);
    expect(failing.code).toBe(1);
    const result = JSON.parse(failing.stdout) as { command: string; totals: { error: number }; reports: string[] };
    expect(result.command).toBe('diff');
    expect(result.totals.error).toBe(1);
    expect(result.reports.map((p) => p.split('/').pop()).sort()).toEqual(['findings.json', 'index.html', 'junit.xml', 'summary.md']);
    expect(await readFile(join(out, 'junit.xml'), 'utf8')).toContain('diff/endpoint-removed');

    expect(runCli(['diff', BUNDLED_CATALOGUE, additive, '--out', out]).code).toBe(0);
    expect(runCli(['diff', BUNDLED_CATALOGUE, additive, '--out', out, '--fail-on', 'info']).code).toBe(1);
    // an enum added narrows (info); the enum gaining a value later is a warning
    expect(runCli(['diff', BUNDLED_CATALOGUE, risky, '--out', out, '--fail-on', 'warning']).code).toBe(0);
    expect(runCli(['diff', risky, riskier, '--out', out]).code).toBe(0);
    expect(runCli(['diff', risky, riskier, '--out', out, '--fail-on', 'warning']).code).toBe(1);
  }, 240_000);

  it('a missing catalogue or a wrong argument count is a usage error (exit 2), without a stack trace', () => {
    const missing = runCli(['diff', BUNDLED_CATALOGUE, join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect(runCli(['diff', BUNDLED_CATALOGUE]).code).toBe(2);
    expect(runCli(['diff', '--help']).stdout).toContain('--fail-on breaking');
  });
});
