import { describe, expect, it } from 'vitest';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config/index.ts';
import { runAll, runChecksCommand, reportInputFor, type RunResult } from '../../src/run/index.ts';
import { mergeReports, toFindingsJson } from '../../src/reports/index.ts';
import { RULES } from '../../src/rules/index.ts';
import { compareFindings } from '../../src/findings/types.ts';
import { BUNDLED_CATALOGUE, removeDir, tempDir } from '../helpers.ts';

/** What report --merge makes of the shards' findings.json files. */
function merged(runs: RunResult[], config: ReturnType<typeof resolveConfig>) {
  const reports = runs.map((run, i) => ({ file: `shard-${i + 1}/findings.json`, report: toFindingsJson(reportInputFor(run, config)) }));
  return mergeReports(reports, { tool: { name: 'apiconform', version: 'test' }, rules: RULES, failOn: 'error' });
}

const key = (f: { ruleId: string; api: string; endpoint: string; status?: number; example?: number; pointer?: string; message: string }) =>
  JSON.stringify([f.ruleId, f.api, f.endpoint, f.status, f.example, f.pointer, f.message]);

describe('--shard I/N', () => {
  it('validate: the merged shards equal the unsharded run, finding for finding and case for case', async () => {
    const root = await tempDir();
    try {
      const catalogue = join(root, 'catalogue.csv');
      await copyFile(BUNDLED_CATALOGUE, catalogue);
      const config = resolveConfig(undefined, { catalogue, validate: { runs: 20, seed: 1 } });
      const whole = await runChecksCommand('validate', { config, root });
      const shards = [];
      for (let index = 1; index <= 3; index++) shards.push(await runChecksCommand('validate', { config, root, shard: { index, count: 3 } }));
      // every shard checks a share; together, all of it, each once
      expect(shards.every((s) => s.cases.length > 0 && s.cases.length < whole.cases.length)).toBe(true);
      expect(shards.reduce((n, s) => n + s.cases.length, 0)).toBe(whole.cases.length);
      const together = merged(shards, config);
      expect(together.findings.map(key).sort()).toEqual(whole.findings.map(key).sort());
      expect(together.findings.length).toBe(whole.findings.length);
      expect(together.cases.length).toBe(whole.cases.length);
      expect(whole.findings.some((f) => f.ruleId === 'property/drift-blind')).toBe(true);
    } finally {
      await removeDir(root);
    }
  }, 300_000);

  it('all: two shards merged equal the unsharded run (lint rules still see whole APIs)', async () => {
    const root = await tempDir();
    try {
      const catalogue = join(root, 'catalogue.csv');
      await copyFile(BUNDLED_CATALOGUE, catalogue);
      const base = { catalogue, validate: { runs: 10, seed: 1 } };
      const at = (name: string) => resolveConfig(undefined, { ...base, generated: join(root, name, 'generated'), contracts: join(root, name, 'contracts') });
      const whole = await runAll({ config: at('whole'), root });
      const one = await runAll({ config: at('one'), root, shard: { index: 1, count: 2 } });
      const two = await runAll({ config: at('two'), root, shard: { index: 2, count: 2 } });
      const together = merged([one, two], at('whole'));
      expect(together.findings.map(key).sort()).toEqual(whole.findings.map(key).sort());
      // an API-wide lint finding (402 for validation errors beside 422) is in exactly one shard
      const lintIds = (run: RunResult) => run.findings.filter((f) => f.ruleId.startsWith('status/')).map(key);
      expect([...lintIds(one), ...lintIds(two)].sort()).toEqual(lintIds(whole).sort());
      expect(whole.findings.sort(compareFindings).length).toBeGreaterThan(100);
    } finally {
      await removeDir(root);
    }
  }, 600_000);
});
