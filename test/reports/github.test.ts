import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.ts';
import { escapeData, escapeProperty, renderGithub, renderJson, renderMarkdown, writeReports } from '../../src/reports/index.ts';
import { runCli } from '../helpers.ts';
import { fixtureInput } from './fixture.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apiconform-github-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderGithub', () => {
  it('writes one workflow command per finding: level, file, line, title, message', () => {
    const findings: Finding[] = [
      { ruleId: 'example/violates-schema', severity: 'error', api: 'enode-api', endpoint: 'get-vehicles', status: 200, pointer: '/0/lastSeen', message: 'must match format', source: { file: 'data/catalogue.csv', line: 93 } },
      { ruleId: 'status/validation-error-not-422', severity: 'warning', api: 'd7sms', endpoint: 'send-viber-message', status: 402, message: 'use 422' },
      { ruleId: 'schema/normalised', severity: 'info', api: 'd7sms', endpoint: '', message: 'dropped x-foo' },
    ];
    expect(renderGithub(fixtureInput({ findings })).split('\n')).toEqual([
      '::notice file=data/catalogue.csv,title=schema/normalised d7sms::dropped x-foo',
      '::warning file=generated/schemas/d7sms/send-viber-message.schema.json,title=status/validation-error-not-422 d7sms/send-viber-message 402::use 422',
      '::error file=data/catalogue.csv,line=93,title=example/violates-schema enode-api/get-vehicles 200::must match format (at /0/lastSeen)',
      '',
    ]);
  });

  it('escapes per GitHub’s rules: %, CR and LF everywhere, also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const finding: Finding = { ruleId: 'catalogue/invalid-row', severity: 'error', api: 'x', endpoint: '', message: 'line one\nline two: 50%', source: { file: 'dir,with:odd/cat.csv', line: 7 } };
    const [line] = renderGithub(fixtureInput({ findings: [finding] })).split('\n');
    expect(line).toBe('::error file=dir%2Cwith%3Aodd/cat.csv,line=7,title=catalogue/invalid-row x::line one%0Aline two: 50%25');
    // One command per line: nothing in a message can start another command.
    expect(line!.includes('\n')).toBe(false);
  });

  it('prints every finding of the fixture, errors as ::error', () => {
    const input = fixtureInput();
    const lines = renderGithub(input).trimEnd().split('\n');
    expect(lines).toHaveLength(input.findings.length);
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(input.findings.filter((f) => f.severity === 'error').length);
  });
});

describe("writeReports' github format", () => {
  it('prints the commands and appends the Markdown summary to $GITHUB_STEP_SUMMARY', async () => {
    const summaryFile = join(dir, 'step-summary.md');
    await writeFile(summaryFile, '# earlier step\n');
    let printed = '';
    const input = fixtureInput();
    const paths = await writeReports(join(dir, 'out'), input, ['github', 'sarif'], { stdout: (text) => (printed += text), env: { GITHUB_STEP_SUMMARY: summaryFile } });
    expect(paths).toEqual([join(dir, 'out', 'findings.sarif'), summaryFile]);
    expect(printed).toBe(renderGithub(input));
    expect(await readFile(summaryFile, 'utf8')).toBe(`# earlier step\n${renderMarkdown(input).trimEnd()}\n\n`);
    expect(await readdir(join(dir, 'out'))).toEqual(['findings.sarif']);
  });

  it('writes no summary when $GITHUB_STEP_SUMMARY is not set', async () => {
    let printed = '';
    const paths = await writeReports(dir, fixtureInput(), ['github'], { stdout: (text) => (printed += text), env: {} });
    expect(paths).toEqual([]);
    expect(printed).toMatch(/^::error /);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('--format sarif,github on the command line', () => {
  it('report --merge prints annotations on stdout, writes findings.sarif and fills the step summary', async () => {
    await writeFile(join(dir, 'findings.json'), renderJson(fixtureInput()));
    const summaryFile = join(dir, 'summary-env.md');
    const result = runCli(['report', '--merge', join(dir, 'findings.json'), '--out', join(dir, 'merged'), '--format', 'sarif,github'], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('::error file=data/catalogue.csv,line=93,title=example/violates-schema enode-api/get-vehicles 200::');
    expect(await readdir(join(dir, 'merged'))).toEqual(['findings.sarif']);
    expect(JSON.parse(await readFile(join(dir, 'merged', 'findings.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(await readFile(summaryFile, 'utf8')).toMatch(/^## /m);
  }, 60_000);

  it('refuses an unknown format, naming the ones it knows (exit 2)', () => {
    const result = runCli(['report', '--merge', 'x.json', '--format', 'sarif,pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('md, json, junit, html, sarif, github');
  });
});
