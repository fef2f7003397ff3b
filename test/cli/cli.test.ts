import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers.ts';

describe('the CLI', () => {
  it.each(['build', 'lint', 'validate', 'contracts', 'serve', 'verify', 'all'])('%s --help describes the command and exits 0', (command) => {
    const result = runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: apiconform ${command}`);
  });

  it('usage errors exit 2 with one line and no stack trace', () => {
    for (const args of [['build', '--bogus'], ['validate', '--runs', 'many'], ['lint', '--fail-on', 'sometimes'], ['build', 'missing.csv'], ['lint', 'catalogue.txt']]) {
      const result = runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('an invalid config file is a config error naming the problem (exit 2)', async () => {
    const dir = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'apiconform.config.json'), JSON.stringify({ failOn: 'sometimes', rules: { 'no/such-rule': 'off' } }));
    const result = runCli(['lint', join(process.cwd(), 'data/catalogue.csv')], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/apiconform\.config\.json: invalid config/);
    expect(result.stderr).toMatch(/failOn: must be one of "error", "warning", "info", "never"/);
  });

  it('lint exits 1 on the bundled catalogue at --fail-on warning and 0 with the rules turned off in config', async () => {
    const out = await tempDir();
    expect(runCli(['lint', '--fail-on', 'warning', '--out', out]).code).toBe(1);
    const dir = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    const { RULES } = await import('../../src/rules/index.ts');
    const rules = Object.fromEntries(RULES.map((rule) => [rule.id, 'off']));
    await writeFile(join(dir, 'apiconform.config.yaml'), `rules:\n${Object.entries(rules).map(([id]) => `  ${id}: "off"`).join('\n')}\n`);
    const result = runCli(['lint', join(process.cwd(), 'data/catalogue.csv'), '--fail-on', 'info', '--out', out], { cwd: dir });
    expect(result.stderr).toMatch(/0 errors/);
    expect(result.code).toBe(0);
  });

  it('all writes the four reports and exits 1 because of the 18 schema violations, 0 when they are downgraded', async () => {
    const out = await tempDir();
    const failing = runCli(['all', '--out', out, '--runs', '20', '--json']);
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.stdout) as { reports: string[]; findings: Array<{ ruleId: string; severity: string; source?: { rowId?: string } }> };
    expect(report.reports.map((p) => p.split('/').pop()).sort()).toEqual(['findings.json', 'index.html', 'junit.xml', 'summary.md']);
    const violating = new Set(report.findings.filter((f) => f.ruleId === 'example/violates-schema').map((f) => f.source?.rowId));
    expect(violating.size).toBe(18);
    expect(report.findings.filter((f) => f.severity === 'error').every((f) => f.ruleId === 'example/violates-schema')).toBe(true);

    const dir = await tempDir();
    const { writeFile, cp } = await import('node:fs/promises');
    await cp(join(process.cwd(), 'data'), join(dir, 'data'), { recursive: true });
    await writeFile(join(dir, 'apiconform.config.json'), JSON.stringify({ rules: { 'example/violates-schema': 'warning' }, generated: join(dir, 'generated'), contracts: join(dir, 'contracts') }));
    const passing = runCli(['all', '--out', out, '--runs', '20'], { cwd: dir });
    expect(passing.stderr).toMatch(/0 errors/);
    expect(passing.code).toBe(0);
  });
});
