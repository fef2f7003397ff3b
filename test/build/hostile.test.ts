import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { build, readManifest } from '../../src/build/index.ts';
import { BUNDLED_CATALOGUE, ROOT, readTree, removeDir, runCli, tempDir } from '../helpers.ts';

let dir: string;
let catalogue: string;
const API = '11111111-1111-4111-8111-111111111111';
const id = (endpoint: number, response = 0) => `${API}/00000000-0000-4000-8000-00000000000${endpoint}/${response}/0`;

beforeAll(async () => {
  dir = await tempDir();
  catalogue = join(dir, 'hostile.csv');
  const header = (parse(await readFile(BUNDLED_CATALOGUE, 'utf8')) as string[][])[0]!;
  const row = (rowId: string, endpointName: string, status: string, body: string, schema: string) =>
    [rowId, '../../Hostile API', 'desc', 'null', endpointName, '', status, 'null', body, schema];
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
  const rows = [
    header,
    row(id(1), 'Good endpoint', '200', '{"ok":true}', '{"type":"object","properties":{"ok":{"type":"boolean"}}}'),
    row(id(2), 'Broken JSON', '200', '{"ok":', '{"type":"object"}'),
    row(id(3), 'Status abc', 'abc', '{}', '{"type":"object"}'),
    row(id(4), '../../x', '200', '{"a":1}', '{"type":"object"}'),
    row(id(5), 'Deep array', '200', deep, '{"type":"array"}'),
    row(id(6), 'Catastrophic regex', '200', '{"s":"aaaa"}', '{"type":"object","properties":{"s":{"type":"string","pattern":"^(a|a)*(?=b)$"}}}'),
    row(id(7), 'Remote ref', '200', '{"s":1}', '{"type":"object","properties":{"s":{"$ref":"http://127.0.0.1:9/evil.json"}}}'),
    row(id(8), 'Deep schema', '200', '{}', deep),
    ['not-an-id', 'X', '', '', 'Y', '', '200', 'null', '{}', '{}'],
    [id(9), 'Too few columns'],
  ];
  await writeFile(catalogue, stringify(rows, { record_delimiter: 'unix' }));
});
afterAll(async () => removeDir(dir));

describe('a catalogue with hostile rows', () => {
  it('reports each bad row with its line and row id, skips it, and builds the rest inside the output folder', async () => {
    const out = join(dir, 'out');
    const result = await build({ catalogue, out, root: dir });
    const invalid = result.findings.filter((f) => f.ruleId === 'catalogue/invalid-row');
    const byLine = new Map(invalid.map((f) => [f.source!.line, f.message]));
    expect(byLine.get(3)).toMatch(/response_json is not valid JSON/);
    expect(byLine.get(4)).toMatch(/response_status_code "abc" is not an HTTP status/);
    expect(byLine.get(6)).toMatch(/response_json is nested more than 200 levels deep/);
    expect(byLine.get(9)).toMatch(/response_json_schema is nested more than 200 levels deep/);
    expect(byLine.get(10)).toMatch(/id "not-an-id" is not/);
    expect(byLine.get(11)).toMatch(/has 2 fields, the header has 10/);
    expect(invalid).toHaveLength(6);
    for (const finding of invalid) expect(finding.message).toContain('hostile.csv:');

    // the unsafe pattern and the remote $ref are dropped and reported, never run or fetched
    const schemaFindings = result.findings.filter((f) => f.ruleId === 'schema/invalid');
    expect(schemaFindings.map((f) => f.pointer).sort()).toEqual(['/properties/s/$ref', '/properties/s/pattern']);

    const manifest = (await readManifest(out))!;
    expect(manifest.apis.map((a) => a.slug)).toEqual(['hostile-api']);
    expect(manifest.apis[0]!.endpoints.map((e) => e.slug).sort()).toEqual(['catastrophic-regex', 'good-endpoint', 'remote-ref', 'x']);
    for (const path of (await readTree(out)).keys()) expect(resolve(out, path).startsWith(out)).toBe(true);
  });

  it('--strict turns the first bad row into exit code 2 with a one-line message and no stack trace', () => {
    const cli = runCli(['build', catalogue, '--out', join(dir, 'strict'), '--strict']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/hostile\.csv:3 row .*response_json is not valid JSON/);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a catalogue whose last record has an unclosed quote', () => {
  it('builds every record before it and reports it as a bad row with its line; --strict keeps it fatal', async () => {
    const rows = parse(await readFile(BUNDLED_CATALOGUE, 'utf8')) as string[][];
    const taken = rows.slice(0, 9); // the header and eight rows
    const file = join(dir, 'open-quote.csv');
    const brokenLine = 10; // no quoted newlines in these rows: record n is line n + 1
    await writeFile(file, `${stringify(taken, { record_delimiter: 'unix' })}${id(1)},"Open quote API,,null,E,,200,null,{},{}\n`);
    expect(stringify(taken, { record_delimiter: 'unix' }).split('\n')).toHaveLength(10);

    const out = join(dir, 'open-quote-out');
    const cli = runCli(['build', file, '--out', out, '--json']);
    expect(cli.code, cli.stderr).toBe(1); // a bad row is an error finding, not an input error
    const invalid = (JSON.parse(cli.stdout) as { findings: Array<{ ruleId: string; source?: { line: number }; message: string }> }).findings.filter((f) => f.ruleId === 'catalogue/invalid-row');
    expect(invalid.map((f) => f.source?.line)).toEqual([brokenLine]);
    expect(invalid[0]!.message).toMatch(/open-quote\.csv:10: row is malformed CSV \(Quote Not Closed/);
    const clean = join(dir, 'open-quote-clean.csv');
    await writeFile(clean, stringify(taken, { record_delimiter: 'unix' }));
    const expected = join(dir, 'open-quote-expected');
    await build({ catalogue: clean, out: expected, root: dir });
    const built = (await readManifest(out))!;
    expect(built.apis.flatMap((a) => a.endpoints.map((e) => e.files))).toEqual((await readManifest(expected))!.apis.flatMap((a) => a.endpoints.map((e) => e.files)));

    const strict = runCli(['build', file, '--out', join(dir, 'open-quote-strict'), '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/open-quote\.csv:10: row is malformed CSV \(Quote Not Closed/);
    expect(strict.stderr).not.toMatch(/\n\s+at /);
  });
});
