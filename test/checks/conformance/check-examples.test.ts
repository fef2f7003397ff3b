import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../src/catalogue/index.ts';
import {
  checkExamples,
  CheckCache,
  CONFORMANCE_RESULTS_FILE,
  LINT_RESULTS_FILE,
  NORMALISED_CACHE_FILE,
  SchemaCompiler,
  VERDICT_CACHE_FILE,
} from '../../../src/checks/conformance/index.ts';
import { lint, LINT_RULES, type LintContext } from '../../../src/checks/lint/index.ts';
import type { Finding } from '../../../src/findings/types.ts';
import { buildModel, type CatalogueModel } from '../../../src/model/index.ts';
import { BUNDLED_CATALOGUE, ROOT, removeDir, tempDir } from '../../helpers.ts';
import { modelOf, rowsOf } from '../helpers.ts';

interface ViolationCase {
  name: string;
  schema: unknown;
  body: unknown;
  want: Array<{ pointer: string; keyword: string; schemaPath?: string; expected?: unknown; found?: unknown; branches?: number; message?: string }>;
}

const violationCases = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/checks/conformance/violations.json'), 'utf8')) as ViolationCase[];

describe('example/violates-schema findings', () => {
  it.each(violationCases.map((c) => [c.name, c] as const))('%s', async (_, { schema, body, want }) => {
    const findings = await checkExamples(modelOf([{ api: 'Api', endpoint: 'Get', status: 200, body, schema }]));
    expect(findings).toHaveLength(want.length);
    findings.forEach((finding, i) => {
      const w = want[i]!;
      const evidence = finding.evidence as { keyword: string; schemaPath: string; expected: unknown; found: unknown; branches?: unknown[] };
      expect(finding).toMatchObject({ ruleId: 'example/violates-schema', severity: 'error', api: 'api', endpoint: 'get', status: 200, example: 0, pointer: w.pointer });
      expect(evidence.keyword).toBe(w.keyword);
      if (w.schemaPath !== undefined) expect(evidence.schemaPath).toBe(w.schemaPath);
      if ('expected' in w) expect(evidence.expected).toEqual(w.expected);
      if ('found' in w) expect(evidence.found).toEqual(w.found);
      if (w.branches !== undefined) expect(evidence.branches).toHaveLength(w.branches);
      if (w.message !== undefined) expect(finding.message).toContain(w.message);
      expect(finding.message).toMatch(/^Api › Get › 200 \(row [0-9a-f-]+\/[0-9a-f-]+\/0\/0\): /);
      expect(finding.message).toContain('; fix the example, or the schema if this is what the API really sends');
      expect(finding.source).toEqual({ file: 'fixture.csv', line: 2, rowId: expect.any(String) });
    });
  });
});

describe('schemas ajv cannot compile', () => {
  const anchors = [
    { api: 'A', endpoint: 'Anchors', status: 200, body: { a: 1 }, schema: { $anchor: 'item', properties: { a: { type: 'integer' } } } },
    { api: 'A', endpoint: 'Anchors', status: 200, body: { b: 'x' }, schema: { $anchor: 'item', properties: { b: { type: 'integer' } } } },
  ];

  it('are reported once per endpoint × status as schema/invalid, and their examples are not validated', async () => {
    const findings = await checkExamples(modelOf(anchors));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'schema/invalid', severity: 'error', endpoint: 'anchors', status: 200, pointer: '' });
    expect(findings[0]!.message).toContain('ajv cannot compile the body schema (reference "#item" resolves to more than one schema)');
  });

  it('are left to lint when `all` asks (reportCompileFailures: false)', async () => {
    expect(await checkExamples(modelOf(anchors), { reportCompileFailures: false })).toEqual([]);
  });
});

describe('severities from config', () => {
  const rows = [{ api: 'A', endpoint: 'E', status: 200, body: { a: 'x' }, schema: { properties: { a: { type: 'integer' } } } }];

  it('re-grade the findings of a rule', async () => {
    const findings = await checkExamples(modelOf(rows), { severities: new Map([['example/violates-schema', 'warning']]) });
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('switch a rule off', async () => {
    expect(await checkExamples(modelOf(rows), { severities: new Map([['example/violates-schema', 'off']]) })).toEqual([]);
  });
});

describe('the check cache', () => {
  let dir: string;
  let model: CatalogueModel;
  let cold: Finding[];
  let coldLint: Finding[];
  const freshModel = async () => buildModel((await readCatalogue(BUNDLED_CATALOGUE)).rows).model;
  beforeAll(async () => {
    dir = await tempDir();
    model = await freshModel();
    const cache = CheckCache.open(dir);
    cold = await checkExamples(model, { cache });
    coldLint = lint(model, { cache });
    await cache.save();
  });
  afterAll(async () => removeDir(dir));

  it('makes a warm run over an unchanged catalogue look at nothing, with the same findings', async () => {
    const cache = CheckCache.open(dir);
    const compiler = new SchemaCompiler({ cache: cache.verdicts });
    let checked = 0;
    const counting = LINT_RULES.map((rule) => ({ ...rule, *check(context: LintContext) { checked++; yield* rule.check(context); } }));
    expect(await checkExamples(model, { cache, compiler })).toEqual(cold);
    expect(lint(model, { cache, compiler, rules: counting })).toEqual(coldLint);
    expect(compiler.stats).toEqual({ compiled: 0, cached: 0, oneShotValid: 0, ajvValidated: 0 });
    expect(checked).toBe(0);
    expect(cold.length).toBeGreaterThan(18);
  });

  it('redoes only the API whose rows changed, and within it decides only the changed body', async () => {
    const changed = await freshModel();
    const api = changed.apis[0]!;
    const example = api.endpoints[0]!.responses[0]!.examples[0]!;
    example.body = { changed: true };
    example.bodyText = JSON.stringify(example.body);
    const examplesOfApi = api.endpoints.flatMap((e) => e.responses.flatMap((r) => r.examples)).length;
    const cache = CheckCache.open(dir);
    const compiler = new SchemaCompiler({ cache: cache.verdicts });
    const findings = await checkExamples(changed, { cache, compiler });
    expect(compiler.stats.cached).toBe(examplesOfApi - 1);
    expect(compiler.stats.oneShotValid + compiler.stats.ajvValidated).toBe(1);
    expect(findings.filter((f) => f.api !== api.slug)).toEqual(cold.filter((f) => f.api !== api.slug));
  });

  it('ignores caches written by other code or torn by a crash', async () => {
    for (const file of [VERDICT_CACHE_FILE, NORMALISED_CACHE_FILE, CONFORMANCE_RESULTS_FILE]) {
      const text = await readFile(join(dir, file), 'utf8');
      for (const broken of [text.replace(/"engine":"[^"]*"/, '"engine":"another engine"'), text.slice(0, text.length / 2)]) {
        const other = join(dir, `other-${file}`);
        await mkdir(other, { recursive: true });
        for (const copy of [VERDICT_CACHE_FILE, NORMALISED_CACHE_FILE, CONFORMANCE_RESULTS_FILE]) {
          await writeFile(join(other, copy), copy === file ? broken : await readFile(join(dir, copy), 'utf8'));
        }
        const cache = CheckCache.open(other);
        expect(await checkExamples(model, { cache }), `${file} ${broken.length}`).toEqual(cold);
      }
    }
  });

  it('is rewritten only when it changed', async () => {
    const before = await Promise.all([VERDICT_CACHE_FILE, NORMALISED_CACHE_FILE, CONFORMANCE_RESULTS_FILE, LINT_RESULTS_FILE].map((f) => readFile(join(dir, f), 'utf8')));
    const cache = CheckCache.open(dir);
    await checkExamples(model, { cache });
    lint(model, { cache });
    await cache.save();
    const after = await Promise.all([VERDICT_CACHE_FILE, NORMALISED_CACHE_FILE, CONFORMANCE_RESULTS_FILE, LINT_RESULTS_FILE].map((f) => readFile(join(dir, f), 'utf8')));
    expect(after).toEqual(before);
    expect(JSON.parse(before[0]!)).toMatchObject({ engine: expect.stringContaining('ajv@'), entries: expect.any(Object) });
  });

  it('keeps config out of the cache: severities apply to cached findings too', async () => {
    const cache = CheckCache.open(dir);
    const findings = await checkExamples(model, { cache, severities: new Map([['example/violates-schema', 'info']]) });
    expect(findings.map((f) => f.severity)).toEqual(cold.map(() => 'info'));
  });
});

describe('fixture helper', () => {
  it('numbers responses and examples the way the catalogue does', () => {
    const rows = rowsOf([
      { api: 'A', endpoint: 'E', status: 200, body: 1 },
      { api: 'A', endpoint: 'E', status: 404, body: 2 },
      { api: 'A', endpoint: 'E', status: 200, body: 3 },
    ]);
    expect(rows.map((r) => `${r.responseIndex}/${r.exampleIndex}`)).toEqual(['0/0', '1/0', '0/1']);
  });
});
