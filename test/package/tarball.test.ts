import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOGUE, ROOT, removeDir, tempDir } from '../helpers.ts';

/**
 * The package as a user gets it: `npm pack`, installed into an empty folder, runs the main job
 * and the library. Slow (it builds, packs and installs), so it runs in `npm run test:package`
 * (and .ci/run), not in `npm test`.
 */
const enabled = process.env.APICONFORM_PACKAGE_TEST === '1';
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000, ...options, env: { ...process.env, NO_COLOR: '1', ...options.env } });
  return { code: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

describe.runIf(enabled)('the packed tarball', () => {
  let dir: string;
  let consumer: string;
  let tarball: string;
  let packed: { files: { path: string }[]; size: number; filename: string };

  beforeAll(async () => {
    dir = await tempDir('apiconform-pack-');
    const pack = run(NPM, ['pack', '--json', '--pack-destination', dir], { cwd: ROOT });
    expect(pack.code, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as (typeof packed)[])[0]!;
    tarball = join(dir, packed.filename);
    consumer = join(dir, 'consumer');
    run('mkdir', ['-p', consumer]);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // The dependencies come from npm's cache (filled by `npm ci`) where it has them.
    const install = run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: consumer });
    expect(install.code, install.stderr).toBe(0);
  }, 900_000);

  afterAll(async () => {
    if (dir) await removeDir(dir);
  });

  it('holds the compiled library, declarations and CLI, and no sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    for (const path of ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/bin.js', 'dist/util/ts-task.js', 'dist/checks/conformance/ajv-worker.js', 'dist/verify/verifier-child.js', 'dist/contracts/pact-writer-child.js']) {
      expect(paths).toContain(path);
    }
    expect(paths.filter((p) => /^(src|test|scripts|data|generated|contracts)\//.test(p) || p.endsWith('.test.js'))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
  });

  it('installs without a TypeScript loader and its CLI runs the main job on a catalogue', () => {
    expect(existsSync(join(consumer, 'node_modules/tsx')), 'tsx is installed with the package: it must be a devDependency').toBe(false);
    const version = run(NPM, ['exec', '--offline', '--', 'apiconform', '--version'], { cwd: consumer });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    copyFileSync(BUNDLED_CATALOGUE, join(consumer, 'some-catalogue.csv'));
    const all = run(NPM, ['exec', '--offline', '--', 'apiconform', 'all', 'some-catalogue.csv', '--quiet'], { cwd: consumer });
    // Exit 1 on purpose: the bundled catalogue's Enode examples break their own schemas.
    expect(all.code, all.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(consumer, 'reports/all/findings.json'), 'utf8')) as { findings: { ruleId: string }[] };
    const rules = new Set(report.findings.map((f) => f.ruleId));
    expect(rules).toContain('example/violates-schema');
    expect([...rules].some((r) => r.startsWith('contract/') || r.startsWith('status/'))).toBe(true);
    for (const name of ['summary.md', 'junit.xml', 'index.html']) expect(existsSync(join(consumer, 'reports/all', name))).toBe(true);
  });

  it("`import { arbitraryFromSchema } from 'apiconform'` type-checks and runs", () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['*.ts'] }),
    );
    writeFileSync(
      join(consumer, 'example.ts'),
      [
        "import fc from 'fast-check';",
        "import { arbitraryFromSchema, createAjv, type Finding } from 'apiconform';",
        "const schema = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };",
        'const validate = createAjv().compile(schema);',
        'const bodies: unknown[] = fc.sample(arbitraryFromSchema(schema), { seed: 42, numRuns: 20 });',
        "const finding: Finding['severity'] = 'error';",
        "console.log(JSON.stringify({ valid: bodies.every((body) => validate(body)), count: bodies.length, finding }));",
        '',
      ].join('\n'),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const check = run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    // The declarations are real types, not `any`: a misuse is an error.
    writeFileSync(join(consumer, 'misuse.ts'), "import { arbitraryFromSchema } from 'apiconform';\nconst n: number = arbitraryFromSchema({});\nexport { n };\n");
    const misuse = run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer });
    expect(misuse.stdout).toMatch(/misuse\.ts.*TS2322/);
    // Runs as plain JavaScript: strip the one type-only import by running through the compiled JS.
    writeFileSync(join(consumer, 'example.mjs'), readFileSync(join(consumer, 'example.ts'), 'utf8').replace(', type Finding', '').replace(": Finding['severity']", '').replace(': unknown[]', ''));
    const ran = run(process.execPath, ['example.mjs'], { cwd: consumer });
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({ valid: true, count: 20, finding: 'error' });
  });
});
