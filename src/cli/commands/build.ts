import type { Command } from 'commander';
import { build } from '../../build/index.ts';
import { gradeFindings } from '../../config/index.ts';
import { commandContext, type GlobalFlags, type Runner } from '../context.ts';
import { countBySeverity, formatFindingLine } from '../output.ts';
import { EXIT, exitCodeFor } from '../exit-codes.ts';

interface BuildFlags extends GlobalFlags {
  out?: string;
  check?: boolean;
  force?: boolean;
}

export function registerBuild(program: Command, run: Runner): void {
  program
    .command('build')
    .summary('catalogue → per-endpoint JSON Schemas, TypeScript types and a manifest')
    .description(
      'Reads the catalogue and writes generated/: schemas/<api>/<endpoint>.schema.json (JSON Schema 2020-12, ' +
        'one $defs/status<code> per status), types/<api>/<endpoint>.ts and types/index.ts, manifest.json. ' +
        'Incremental: endpoints whose rows did not change are not regenerated. With --check nothing is ' +
        'written and the command fails (exit 1) when generated/ is stale, naming the stale files.',
    )
    .argument('[catalogue]', 'catalogue file (.csv, .jsonl, .ndjson, .json, .parquet)')
    .option('--out <dir>', 'output folder (default: generated)')
    .option('--check', 'write nothing; exit 1 if the output folder is not what a build would write')
    .option('--force', 'regenerate every endpoint, ignoring the manifest')
    .addHelpText('after', '\nExamples:\n  npx apiconform build\n  npx apiconform build data/catalogue.csv --out generated --check\n')
    .action((catalogue: string | undefined, _options: BuildFlags, command: Command) =>
      run(async () => {
        const flags = command.optsWithGlobals<BuildFlags>();
        const context = await commandContext(flags, { catalogue });
        const { config, output } = context;
        const out = flags.out ?? config.generated;
        const started = performance.now();
        const progress = output.progress('build', 0);
        const result = await build({
          catalogue: config.catalogue,
          out,
          check: flags.check,
          strict: config.strict,
          force: flags.force,
          onProgress: (event) => {
            if (event.phase === 'generate') progress.update(event.done, event.total);
          },
        });
        progress.stop();
        const seconds = (performance.now() - started) / 1000;
        const findings = gradeFindings(result.findings, config.rules);
        const counts = countBySeverity(findings);

        if (context.json) {
          output.result(JSON.stringify({ ...summary(result), stale: flags.check ? result.written : undefined, findings, seconds: Number(seconds.toFixed(3)) }, null, 2));
        } else {
          for (const finding of findings.filter((f) => f.severity !== 'info')) output.info(formatFindingLine(finding));
          if (flags.check) {
            if (result.written.length > 0 || result.removed.length > 0) {
              output.info(`${out}/ is stale (${result.written.length + result.removed.length} files); run \`npx apiconform build\`:`);
              for (const path of result.written) output.info(`  stale   ${out}/${path}`);
              for (const path of result.removed) output.info(`  remove  ${out}/${path}`);
            } else {
              output.info(`${out}/ is up to date with ${config.catalogue}`);
            }
          } else if (result.noOp) {
            output.info(`build: ${config.catalogue} unchanged since the last build; ${result.reused} endpoints up to date in ${out}/ (${seconds.toFixed(2)} s)`);
          } else {
            output.info(
              `build: ${result.rows} rows → ${result.regenerated} endpoints regenerated, ${result.reused} reused; ` +
                `${result.written.length} files written, ${result.removed.length} removed in ${out}/ (${seconds.toFixed(2)} s)`,
            );
          }
          output.info(`findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`);
        }
        if (flags.check && (result.written.length > 0 || result.removed.length > 0)) return EXIT.findings;
        return exitCodeFor(findings, config.failOn);
      }),
    );
}

function summary(result: Awaited<ReturnType<typeof build>>) {
  return {
    rows: result.rows,
    noOp: result.noOp,
    regenerated: result.regenerated,
    reused: result.reused,
    written: result.written,
    removed: result.removed,
  };
}
