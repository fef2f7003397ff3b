import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.ts';
import { renderHtml } from '../../src/reports/index.ts';
import { HTML_EVIDENCE_CHARS } from '../../src/reports/html.ts';
import type { PageData } from '../../src/reports/html.ts';
import { escapeHtml, jsonForScript } from '../../src/reports/html/escape.ts';
import type { ReportCase } from '../../src/reports/types.ts';
import { FIXTURE_FINDINGS, fixtureInput } from './fixture.ts';

const DATA_OPEN = '<script type="application/json" id="report-data">';

function dataBlock(html: string): { raw: string; data: PageData } {
  const start = html.indexOf(DATA_OPEN) + DATA_OPEN.length;
  const end = html.indexOf('</script>', start);
  const raw = html.slice(start, end);
  return { raw, data: JSON.parse(raw) as PageData };
}

function inlineScript(html: string): string {
  const marker = '<script>';
  const start = html.lastIndexOf(marker) + marker.length;
  return html.slice(start, html.indexOf('</script>', start));
}

describe('renderHtml', () => {
  const html = renderHtml(fixtureInput());

  it('is one self-contained page that loads nothing from the network', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\((?!#)/i);
    const hrefs = [...html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(href.startsWith('#')).toBe(true);
    // Catalogue text (in the data block) may mention URLs; the page itself names none.
    const { raw } = dataBlock(html);
    const page = html.replace(raw, '');
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('forbids itself any network access and allows exactly its own inline style and script', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(csp).toContain(`style-src ${sha(style)}`);
    expect(csp).toContain(`script-src ${sha(inlineScript(html))}`);
    // No inline event handlers or style attributes, which the policy would block anyway.
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
  });

  it('shows the verdict, the totals and three server-side charts', () => {
    expect(html).toContain('<span class="verdict failed">✕ Failed</span>');
    expect(html).toContain('<span class="verdict-text">15 findings at or above error</span>');
    expect(html).toMatch(/<div class="n">15<\/div><div class="l">errors<\/div>/);
    expect(html).toMatch(/<div class="n">9<\/div><div class="l">warnings<\/div>/);
    expect(html).toMatch(/<div class="n">6<\/div><div class="l">infos<\/div>/);
    expect(html).toMatch(/<div class="n">80<\/div><div class="l">without findings \(82%\)<\/div>/);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(3);
    for (const title of ['Findings by rule', 'Findings by API', 'Findings by status class']) expect(html).toContain(`>${title}</title>`);
    // One bar per rule with findings, linking into the table's filter.
    expect(html.match(/<a href="#severity=error,warning,info&amp;rule=/g)).toHaveLength(11);
    expect(html).toContain('<title>example/violates-schema: Example does not match its own schema: 10 errors, 0 warnings, 0 infos</title>');
    expect(html).toContain('<title>1xx informational: 0 errors, 1 warning, 0 infos</title>');
  });

  it('embeds every finding, the clean cases and the names the table needs', () => {
    const { data } = dataBlock(html);
    expect(data.findings).toHaveLength(FIXTURE_FINDINGS.length);
    for (const finding of FIXTURE_FINDINGS) {
      expect(data.findings.some((f) => f.message === finding.message && f.ruleId === finding.ruleId && f.api === finding.api)).toBe(true);
    }
    expect(data.clean).toHaveLength(80);
    expect(data.apis['enode-api']).toBe('Enode API');
    expect(data.endpoints['enode-api/get-vehicles']).toBe('getVehicles');
    expect(Object.keys(data.rules).sort()).toEqual([...new Set(FIXTURE_FINDINGS.map((f) => f.ruleId))].sort());
    const vendor = data.findings.find((f) => f.pointer === '/vendor')!;
    expect(JSON.parse(vendor.evidence!)).toEqual({ 0: 'S', 1: 'O', 2: 'L', 3: 'I', 4: 'S' });
    expect(vendor.source).toBe('data/catalogue.csv:94 (row 8a633727-9544-4879-a8c5-4b6df59e4c29/11802fe4-e024-42e9-b0d3-017da08d3715/0/0)');
    expect(data.findings.find((f) => f.pointer === '/0/id')!.evidence).toBe('""');
  });

  it('renders hostile catalogue text as text, in the markup and in the data block', () => {
    const evil = '<script>alert("api")</script>';
    const message = 'bad </script><script>alert(1)</script> <!-- x --> \u2028\u2029 & "q" \'s\' <img src=x onerror=alert(2)>';
    const cases: ReportCase[] = [{ api: 'evil-api', apiName: evil, endpoint: 'ep', endpointName: `<marquee>${evil}</marquee>`, status: 200 }];
    const findings: Finding[] = [
      { ruleId: 'x/<script>', severity: 'error', api: 'evil-api', endpoint: 'ep', status: 200, pointer: '/</script>', message, evidence: { [evil]: message } },
    ];
    const out = renderHtml(fixtureInput({ cases, findings, command: '<i>all</i>', catalogue: { file: '"><script>x()</script>.csv', rows: 1, apis: 1, endpoints: 1, responses: 1 } }));
    // Exactly the two script elements the page is made of.
    expect(out.match(/<script/gi)).toHaveLength(2);
    expect(out.match(/<\/script/gi)).toHaveLength(2);
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toContain('<!-- x');
    expect(out).not.toContain('<i>all</i>');
    expect(out).not.toContain('<marquee>');
    expect(out).toContain('&lt;script&gt;alert(&quot;api&quot;)&lt;/script&gt;'); // the API chart label and API table
    expect(out).toContain('&lt;i&gt;all&lt;/i&gt;');
    expect(out).not.toMatch(/[\u2028\u2029]/);
    const { data } = dataBlock(out);
    expect(data.findings[0]!.message).toBe(message);
    expect(data.findings[0]!.pointer).toBe('/</script>');
    expect(data.apis['evil-api']).toBe(evil);
    expect(data.endpoints['evil-api/ep']).toBe(`<marquee>${evil}</marquee>`);
    expect(JSON.parse(data.findings[0]!.evidence!)).toEqual({ [evil]: message });
  });

  it('cuts large evidence in the page (findings.json keeps it whole)', () => {
    const body = { data: Array.from({ length: 5000 }, (_, i) => ({ vin: `VIN${i}`, id: i })) };
    const out = renderHtml(fixtureInput({ findings: [{ ...FIXTURE_FINDINGS[0]!, evidence: body }] }));
    const evidence = dataBlock(out).data.findings[0]!.evidence!;
    expect(evidence.length).toBeLessThan(HTML_EVIDENCE_CHARS + 40);
    expect(evidence).toMatch(/… \(\d+ more characters\)$/);
  });

  it('stays small and fast with thousands of findings', () => {
    const findings: Finding[] = Array.from({ length: 5000 }, (_, i) => ({
      ruleId: `rule/${i % 17}`,
      severity: (['error', 'warning', 'info'] as const)[i % 3]!,
      api: `api-${i % 60}`,
      endpoint: `endpoint-${i % 400}`,
      status: [200, 201, 400, 404, 422, 500][i % 6]!,
      pointer: `/data/${i}/vin`,
      message: `must match format "uuid", found "${i}"`,
      evidence: { value: String(i) },
    }));
    const started = performance.now();
    const out = renderHtml(fixtureInput({ findings }));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2000);
    expect(out.length).toBeLessThan(2_500_000);
    expect(dataBlock(out).data.findings).toHaveLength(5000);
    // Charts stay readable: at most 12 bars and a "+ N more" line.
    expect(out).toContain('+ 48 more · ');
    expect(out).toMatch(/<div class="n">1,667<\/div><div class="l">errors<\/div>/);
  });

  it('is byte-identical across runs and input orders', () => {
    expect(renderHtml(fixtureInput())).toBe(html);
    expect(renderHtml(fixtureInput({ findings: [...FIXTURE_FINDINGS].reverse() }))).toBe(html);
  });
});

describe('HTML escaping', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('writes JSON that cannot end or comment out its script element and parses back unchanged', () => {
    const value = { s: '</script><!-- --> & \u2028\u2029 </SCRIPT' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
