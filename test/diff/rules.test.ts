import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIFF_RULES, SCHEMA_CHANGE_KINDS, diffSchemas } from '../../src/diff/index.ts';
import { ruleById } from '../../src/rules/index.ts';

/**
 * One fixture per schema-level diff rule (test/fixtures/diff/<kind>.json): a table of
 * `{ name, old, new, expected }` where `expected` lists `<kind> <path>` of every change reported.
 */
interface Case {
  name: string;
  old: unknown;
  new: unknown;
  expected: string[];
}

const FIXTURES = join(import.meta.dirname, '../fixtures/diff');
const tables = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ kind: file.replace(/\.json$/, ''), cases: JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Case[] }));
const rows = tables.flatMap(({ kind, cases }) => cases.map((c) => ({ kind, ...c })));

const shown = (oldSchema: unknown, newSchema: unknown) =>
  diffSchemas(oldSchema as never, newSchema as never)
    .map((change) => `${change.kind} ${change.path}`)
    .sort();

describe('diff rules: one table of (old, new, expected) per rule', () => {
  it('covers every schema-level rule with at least one case that triggers it, and at least 60 cases in all', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const kind of SCHEMA_CHANGE_KINDS) {
      const table = tables.find((t) => t.kind === kind);
      expect(table, `test/fixtures/diff/${kind}.json`).toBeDefined();
      expect(table!.cases.some((c) => c.expected.some((e) => e.startsWith(`${kind} `))), kind).toBe(true);
    }
  });

  it('registers every kind as a diff rule with oasdiff ids beside it', () => {
    for (const kind of SCHEMA_CHANGE_KINDS) {
      const rule = ruleById(`diff/${kind}`);
      expect(rule, kind).toBeDefined();
      expect(rule!.stage).toBe('diff');
      expect(rule!.oasdiff, kind).toBeDefined();
    }
    for (const rule of DIFF_RULES) for (const check of rule.oasdiff ?? []) expect(check.id).toMatch(/^[a-z-]+$/);
  });

  it.each(rows.map((row) => [`${row.kind}: ${row.name}`, row] as const))('%s', (_name, row) => {
    expect(shown(row.old, row.new)).toEqual([...row.expected].sort());
    // every change has a severity from the registry, and the severity matches the fixture's rule
    for (const expected of row.expected) expect(ruleById(`diff/${expected.split(' ')[0]}`)).toBeDefined();
  });
});

describe('oasdiff correspondence', () => {
  const checks = new Map(
    readFileSync(join(FIXTURES, 'oasdiff-response-checks.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(' ') as [string, string]),
  );
  // headers and media types: a catalogue has neither
  const applicable = [...checks.keys()].filter((id) => !/header|(^|-)media-?type-(removed|added|name|enum|schema)/.test(id));

  it('names only real oasdiff checks, at their real level', () => {
    for (const rule of DIFF_RULES) {
      for (const check of rule.oasdiff ?? []) {
        if (!check.id.startsWith('response-')) continue; // endpoint-level checks (api-removed-…, endpoint-added)
        expect(checks.get(check.id), `${rule.id}: ${check.id}`).toBe(check.level);
      }
    }
  });

  it('covers at least 140 of the applicable response-side checks, and every ERR/WARN one outside x- extensions', () => {
    const covered = new Set(DIFF_RULES.flatMap((rule) => (rule.oasdiff ?? []).map((check) => check.id)));
    expect(applicable.length).toBe(175);
    expect(applicable.filter((id) => covered.has(id)).length).toBeGreaterThanOrEqual(140);
    const uncoveredStrict = applicable.filter((id) => checks.get(id) !== 'INFO' && !covered.has(id));
    // sunset and stability levels live in x-sunset / x-stability-level, which 2020-12 schemas do not carry
    expect(uncoveredStrict.sort()).toEqual([
      'response-property-deprecated-sunset-invalid',
      'response-property-deprecated-sunset-missing',
      'response-property-stability-decreased',
      'response-property-sunset-date-too-small',
    ]);
  });
});
