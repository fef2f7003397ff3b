import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiconformError } from '../../src/util/errors.ts';
import { parseReportFormats, renderHtml, renderJson, renderJunit, renderMarkdown, writeReports } from '../../src/reports/index.ts';
import { FIXTURE_FINDINGS, fixtureInput } from './fixture.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apiconform-reports-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('writes all four formats under their documented names and returns the paths', async () => {
    const out = join(dir, 'reports', 'all');
    const paths = await writeReports(out, fixtureInput());
    expect(paths).toEqual(['summary.md', 'findings.json', 'junit.xml', 'index.html'].map((name) => join(out, name)));
    expect((await readdir(out)).sort()).toEqual(['findings.json', 'index.html', 'junit.xml', 'summary.md']);
    const input = fixtureInput();
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toBe(renderMarkdown(input));
    expect(await readFile(join(out, 'findings.json'), 'utf8')).toBe(renderJson(input));
    expect(await readFile(join(out, 'junit.xml'), 'utf8')).toBe(renderJunit(input));
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe(renderHtml(input));
  });

  it('writes only the chosen formats, in the documented order, and leaves no temporary files', async () => {
    const paths = await writeReports(dir, fixtureInput(), ['html', 'json', 'json']);
    expect(paths).toEqual([join(dir, 'findings.json'), join(dir, 'index.html')]);
    expect((await readdir(dir)).sort()).toEqual(['findings.json', 'index.html']);
  });

  it('replaces an earlier report and is byte-identical when run twice', async () => {
    await writeFile(join(dir, 'summary.md'), 'stale');
    await writeReports(dir, fixtureInput());
    const first = await Promise.all(['summary.md', 'findings.json', 'junit.xml', 'index.html'].map((f) => readFile(join(dir, f))));
    await writeReports(dir, fixtureInput({ findings: [...FIXTURE_FINDINGS].reverse() }));
    const second = await Promise.all(['summary.md', 'findings.json', 'junit.xml', 'index.html'].map((f) => readFile(join(dir, f))));
    expect(second).toEqual(first);
    expect(first[0]!.toString()).not.toBe('stale');
  });

  it('writes nothing when a format cannot be rendered, keeping the previous report whole', async () => {
    await writeFile(join(dir, 'summary.md'), 'previous');
    const poisoned = {
      ...FIXTURE_FINDINGS[0]!,
      evidence: {
        get broken(): never {
          throw new Error('evidence getter failed');
        },
      },
    };
    // summary.md renders first and never reads evidence; findings.json does, and throws.
    await expect(writeReports(dir, fixtureInput({ findings: [poisoned] }))).rejects.toThrow('evidence getter failed');
    expect(await readdir(dir)).toEqual(['summary.md']);
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toBe('previous');
  });
});

describe('parseReportFormats', () => {
  it('reads --format lists in any order and case', () => {
    expect(parseReportFormats('html, MD,json')).toEqual(['md', 'json', 'html']);
    expect(parseReportFormats('junit')).toEqual(['junit']);
  });

  it('rejects unknown or empty lists with a usage error', () => {
    expect(() => parseReportFormats('md,pdf,xml')).toThrow('unknown report format "pdf", "xml": use md, json, junit, html, sarif, github');
    expect(() => parseReportFormats(' , ')).toThrow(ApiconformError);
    try {
      parseReportFormats('pdf');
    } catch (error) {
      expect((error as ApiconformError).kind).toBe('usage');
    }
  });
});
