import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { pageData } from '../../src/reports/html.ts';
import type { PageData } from '../../src/reports/html.ts';
import { encodeHashValue } from '../../src/reports/html/escape.ts';
import { PAGE_SCRIPT } from '../../src/reports/html/page-script.ts';
import { summariseReport } from '../../src/reports/summary.ts';
import { fixtureInput } from './fixture.ts';

/** The page's pure half, evaluated exactly as the browser evaluates it (no DOM: init does not run). */
interface Row {
  severity: string;
  ruleId: string;
  api: string;
  endpoint: string;
  status: number | null;
  pointer: string | null;
  message: string;
  index: number;
  apiName: string;
  endpointName: string;
}
interface Filter {
  severity: string[];
  rule: string;
  api: string;
  status: string;
  q: string;
  sort: string;
  dir: string;
}
interface PageFunctions {
  statusClassOf(status: number | null): string;
  defaultFilter(): Filter;
  filterRows(rows: Row[], filter: Filter): Row[];
  facetCounts(rows: Row[], filter: Filter, facet: string): Record<string, number>;
  sortRows(rows: Row[], key: string, dir: string): Row[];
  parseHash(hash: string): Filter;
  formatHash(filter: Filter): string;
  buildRows(data: PageData): Row[];
  PAGE_SIZE: number;
}

const context: { apiconformReport?: PageFunctions } = {};
runInNewContext(PAGE_SCRIPT, context);
const page = context.apiconformReport!;
const input = fixtureInput();
const data = pageData(input, summariseReport(input));
const rows = page.buildRows(JSON.parse(JSON.stringify(data)) as PageData);
const filter = (overrides: Partial<Filter>): Filter => ({ ...page.defaultFilter(), ...overrides });
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the report page script', () => {
  it('builds one row per finding and per clean response, in report order', () => {
    expect(rows).toHaveLength(30 + 80);
    expect(rows.filter((r) => r.severity === 'clean')).toHaveLength(80);
    const keys = rows.map((r) => `${r.api}\u0000${r.endpoint}`);
    expect(keys).toEqual([...keys].sort());
    expect(rows.map((r) => r.index)).toEqual(rows.map((_, i) => i));
    expect(rows.find((r) => r.api === 'enode-api')!.apiName).toBe('Enode API');
  });

  it('shows every finding and no clean row by default, errors first', () => {
    const shown = page.sortRows(page.filterRows(rows, page.defaultFilter()), 'severity', 'asc');
    expect(shown).toHaveLength(30);
    expect(shown.slice(0, 15).every((r) => r.severity === 'error')).toBe(true);
    expect(shown.at(-1)!.severity).toBe('info');
  });

  it('filters by severity, rule, API, status class and free text, all at once', () => {
    expect(page.filterRows(rows, filter({ severity: ['error'] }))).toHaveLength(15);
    expect(page.filterRows(rows, filter({ rule: 'example/violates-schema' }))).toHaveLength(10);
    expect(page.filterRows(rows, filter({ api: 'd7sms' }))).toHaveLength(5);
    expect(page.filterRows(rows, filter({ api: '(catalogue)' })).map((r) => r.message)[0]).toMatch(/^row id /);
    expect(page.filterRows(rows, filter({ status: '1xx' })).map((r) => r.endpoint)).toEqual(['friendchat-sms']);
    expect(page.filterRows(rows, filter({ status: 'none' }))).toHaveLength(6);
    // Terms are ANDed, case-insensitive, and match names as well as slugs.
    expect(page.filterRows(rows, filter({ q: 'ENODE inverter' }))).toHaveLength(4);
    expect(page.filterRows(rows, filter({ q: 'getInverter /vendor' }))).toHaveLength(1);
    expect(page.filterRows(rows, filter({ q: '402' }))).toHaveLength(4);
    expect(page.filterRows(rows, filter({ severity: ['error'], api: 'enode-api', q: 'uuid' }))).toHaveLength(2);
    expect(page.filterRows(rows, filter({ severity: ['clean'], api: 'energy-optimizer' }))).toHaveLength(0);
    expect(page.filterRows(rows, filter({ severity: ['clean'], api: 'go-messenger' }))).toHaveLength(4);
  });

  it('counts each facet under the other filters, so the counts update as filters change', () => {
    expect(plain(page.facetCounts(rows, page.defaultFilter(), 'severity'))).toEqual({ error: 15, warning: 9, info: 6, clean: 80 });
    expect(plain(page.facetCounts(rows, filter({ api: 'enode-api' }), 'severity'))).toEqual({ error: 10, info: 2, clean: 22 });
    const rules = page.facetCounts(rows, filter({ severity: ['warning'] }), 'rule');
    expect(plain(rules)).toEqual({
      'error-envelope/inconsistent': 1,
      'status/non-standard': 1,
      'status/error-body-on-success': 1,
      'endpoint/no-success-response': 3,
      'schema/overfitted': 2,
      'catalogue/invalid-row': 1,
    });
    expect(page.facetCounts(rows, filter({ q: 'inverter' }), 'api')['enode-api']).toBe(4);
  });

  it('sorts by any column both ways, keeping report order among ties', () => {
    const all = page.filterRows(rows, page.defaultFilter());
    const byStatus = page.sortRows(all, 'status', 'desc');
    expect(byStatus[0]!.status).toBe(500);
    expect(byStatus.at(-1)!.status).toBeNull();
    const ties = byStatus.filter((r) => r.status === 402).map((r) => r.index);
    expect(ties).toEqual([...ties].sort((a, b) => a - b));
    const byApi = page.sortRows(all, 'api', 'asc').map((r) => r.api);
    expect(byApi).toEqual([...byApi].sort());
    expect(page.sortRows(all, 'constructor', 'asc').map((r) => r.index)).toEqual(all.map((r) => r.index));
  });

  it('keeps the filter in the address and reads it back', () => {
    const state = filter({ severity: ['error', 'clean'], rule: 'example/violates-schema', api: '(catalogue)', status: '4xx', q: 'a&b=c #d é', sort: 'status', dir: 'desc' });
    const hash = page.formatHash(state);
    expect(hash).toBe('#severity=error,clean&rule=example/violates-schema&api=(catalogue)&status=4xx&q=a%26b%3Dc%20%23d%20%C3%A9&sort=status:desc');
    expect(plain(page.parseHash(hash))).toEqual(state);
    expect(page.formatHash(page.defaultFilter())).toBe('');
    // The server builds chart links with the same encoding.
    expect(`q=${encodeHashValue('a&b=c #d é')}`).toBe('q=a%26b%3Dc%20%23d%20%C3%A9');
  });

  it('ignores a malformed or unknown part of the address instead of failing', () => {
    expect(plain(page.parseHash('#q=%E0%A4%A&api=smsto&bogus=1&sort=__proto__:desc&severity=warning,nonsense'))).toEqual(
      filter({ api: 'smsto', severity: ['warning'] }),
    );
  });

  it('is not fooled by slugs that are Object.prototype names', () => {
    const hostile: PageData = {
      findings: [{ severity: 'error', ruleId: 'toString', api: 'constructor', endpoint: '__proto__', status: 200, example: null, pointer: null, message: 'm', evidence: null, source: null }],
      clean: [],
      rules: {},
      apis: {},
      endpoints: {},
    };
    const [row] = page.buildRows(hostile);
    expect(row!.apiName).toBe('constructor');
    expect(row!.endpointName).toBe('__proto__');
    expect(plain(page.facetCounts([row!], page.defaultFilter(), 'api'))).toEqual({ constructor: 1 });
  });

  it('filters 50,000 rows quickly enough to run on every keystroke', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ ...rows[i % rows.length]!, index: i }));
    const started = performance.now();
    const found = page.filterRows(many, filter({ q: 'enode uuid' }));
    page.facetCounts(many, filter({ q: 'enode uuid' }), 'rule');
    const elapsed = performance.now() - started;
    expect(found.length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(1000);
    expect(page.PAGE_SIZE).toBe(100);
  });
});
