import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.ts';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../src/reports/index.ts';
import { mdCode, mdText } from '../../src/reports/markdown-escape.ts';
import type { ReportCase } from '../../src/reports/types.ts';
import { FIXTURE_FINDINGS, fixtureInput } from './fixture.ts';

/** Cells of a GFM table row: split on `|` not escaped by a backslash. */
const cells = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1);
const tableRows = (md: string) => md.split('\n').filter((line) => line.startsWith('|'));

describe('renderMarkdown', () => {
  const md = renderMarkdown(fixtureInput());

  it('opens with the verdict and the totals', () => {
    const [verdict, , totals] = md.split('\n');
    expect(verdict).toBe('## ❌ apiconform all: failed: 15 findings at or above error');
    expect(totals).toBe('**15 errors** · **9 warnings** · **6 infos**');
    expect(md).toContain('98 responses checked (endpoint × status), 80 without findings.');
    const passed = renderMarkdown(fixtureInput({ findings: FIXTURE_FINDINGS.filter((f) => f.severity !== 'error') }));
    expect(passed.split('\n')[0]).toBe('## ✅ apiconform all: passed: no finding at or above error');
  });

  it('lists top rules with titles and worst APIs before the details', () => {
    const top = md.indexOf('### Top rules');
    const worst = md.indexOf('### Worst APIs');
    const details = md.indexOf('### Details');
    expect(top).toBeGreaterThan(0);
    expect(worst).toBeGreaterThan(top);
    expect(details).toBeGreaterThan(worst);
    expect(md).toContain('| `example/violates-schema` | Example does not match its own schema | 10 | 0 | 0 |');
    expect(md).toContain('| Enode API `enode-api` | 10 | 0 | 2 | 22/27 |');
    expect(md).toContain('| … | 1 more rule | | | |');
  });

  it('groups details by API, worst first, with endpoint, status, pointer and message', () => {
    const headings = md.split('\n').filter((line) => line.startsWith('#### '));
    expect(headings[0]).toBe('#### Enode API (enode-api): 10 errors, 0 warnings, 2 infos');
    expect(headings).toHaveLength(new Set(FIXTURE_FINDINGS.map((f) => f.api)).size);
    expect(md).toContain('| ❌ | `get-inverter` | 200 | `example/violates-schema` | `/vendor` |');
    expect(md).toContain('| ❌ | `(catalogue)` |  | `catalogue/invalid-row` |');
    expect(md).not.toContain('more, see findings.json');
  });

  it('escapes | inside cells so every table row keeps its columns', () => {
    expect(md).toContain('must be string \\| null, found number');
    const rows = tableRows(md);
    expect(rows.length).toBeGreaterThan(40);
    // Each table's rows have as many cells as its header.
    let expected = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        expected = 0;
        continue;
      }
      if (expected === 0) expected = cells(line).length;
      expect(cells(line).length, line).toBe(expected);
    }
  });

  it('never lets catalogue text break the Markdown or ping anyone', () => {
    const hostile = 'Evil | API\nwith `code` <img src=x onerror=alert(1)> **bold** [link](http://x) @octocat ~~s~~ &amp;';
    const cases: ReportCase[] = [{ api: 'evil', apiName: hostile, endpoint: 'ep', endpointName: hostile, status: 200 }];
    const findings: Finding[] = [
      { ruleId: 'r/x', severity: 'error', api: 'evil', endpoint: 'ep', status: 200, pointer: '/a|b/`c`\nd', message: hostile },
    ];
    const out = renderMarkdown(fixtureInput({ cases, findings }));
    // Only escaped forms remain: `\<img`, `\*\*bold\*\*`, `\[link\](`.
    expect(out).not.toMatch(/(?<!\\)<img/);
    expect(out).not.toMatch(/(?<!\\)\*\*bold/);
    expect(out).not.toMatch(/(?<!\\)\[link/);
    expect(out).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(out).not.toMatch(/@octocat/);
    expect(out).toContain('@&#8203;octocat');
    expect(out).toContain('\\&amp;');
    expect(out).toContain('``/a\\|b/`c`↵d``');
    const detailRow = tableRows(out).find((line) => line.startsWith('| ❌'))!;
    expect(cells(detailRow)).toHaveLength(6);
    const worstRow = tableRows(out).find((line) => line.includes('`evil`'))!;
    expect(cells(worstRow)).toHaveLength(5);
    // The newline became <br>: nothing after the table can be mistaken for a new block.
    expect(out.split('\n').some((line) => line.startsWith('with '))).toBe(false);
  });

  it('fits a GitHub comment, keeping errors first and saying how many were left out', () => {
    const many: Finding[] = [];
    for (let i = 0; i < 3000; i++) {
      many.push({
        ruleId: 'schema/overfitted',
        severity: 'info',
        api: `api-${String(i % 40).padStart(2, '0')}`,
        endpoint: `endpoint-${i}`,
        status: 200,
        pointer: `/data/${i}/vin`,
        message: `the schema requires property ${i} | ${'x'.repeat(150)}`,
      });
    }
    for (let i = 0; i < 25; i++) {
      many.push({ ruleId: 'example/violates-schema', severity: 'error', api: 'zz-last', endpoint: `e${i}`, status: 200, message: `error ${i}` });
    }
    const out = renderMarkdown(fixtureInput({ findings: many }));
    expect(out.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(out.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 1000);
    const shown = tableRows(out.slice(out.indexOf('### Details'))).filter((line) => /^\| (❌|⚠️|ℹ️) \|/.test(line)).length;
    const trailer = /\n… (\d+) more, see findings\.json \((\d+) errors, (\d+) warnings, (\d+) infos\)\.\n$/.exec(out);
    expect(trailer).not.toBeNull();
    expect(Number(trailer![1])).toBe(many.length - shown);
    expect(Number(trailer![2])).toBe(0);
    for (let i = 0; i < 25; i++) expect(out).toContain(`| error ${i} |`);

    const small = renderMarkdown(fixtureInput(), { maxLength: 6000 });
    expect(small.length).toBeLessThanOrEqual(6000);
    expect(small).toMatch(/… \d+ more, see findings\.json/);
  });

  it('says so when there is nothing to report', () => {
    const out = renderMarkdown(fixtureInput({ findings: [] }));
    expect(out).toContain('No findings.');
    expect(out).not.toContain('### Details');
  });

  it('is deterministic and independent of input order', () => {
    expect(renderMarkdown(fixtureInput())).toBe(md);
    expect(renderMarkdown(fixtureInput({ findings: [...FIXTURE_FINDINGS].reverse() }))).toBe(md);
  });
});

describe('Markdown escaping', () => {
  it('escapes inline syntax and turns newlines into <br>', () => {
    expect(mdText('a|b*c*_d_`e`[f]<g>&h~i\\j')).toBe('a\\|b\\*c\\*\\_d\\_\\`e\\`\\[f\\]\\<g\\>\\&h\\~i\\\\j');
    expect(mdText('one\r\ntwo\nthree')).toBe('one<br>two<br>three');
  });

  it('fences code with more backticks than it contains', () => {
    expect(mdCode('plain')).toBe('`plain`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('')).toBe('` `');
  });
});
