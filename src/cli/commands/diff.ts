import type { Command } from 'commander';
import { commandContext, type GlobalFlags, type Runner } from '../context.ts';
import { exitCodeFor } from '../exit-codes.ts';
import { phaseLines, summarise } from './checks.ts';

interface DiffFlags extends GlobalFlags {
  out?: string;
}

/** `diff OLD NEW`: the breaking-change gate between two catalogue versions. */
export function registerDiff(program: Command, run: Runner): void {
  program
    .command('diff')
    .summary('breaking-change gate between two catalogue versions')
    .description(
      'Compares two versions of a catalogue as a client of each API sees them: endpoints and statuses (matched by id and code) ' +
        'and every status body schema. Breaking changes (an endpoint or success status removed, a response property removed or ' +
        'made optional, a value that may have a new type) are errors; risky ones (an enum that gained values, a relaxed bound) ' +
        'warnings; additions info. Reports go to reports/diff/; exit 1 if anything is at or above --fail-on. ' +
        'Two OpenAPI documents compare the same way: responses only (endpoints by method and path, statuses, JSON bodies); ' +
        'request-side changes (parameters, request bodies, security) are out of scope: use oasdiff for those.',
    )
    .argument('<old>', 'the catalogue before the change (csv, jsonl, json, parquet, or an OpenAPI 3 document)')
    .argument('<new>', 'the catalogue after the change')
    .option('--out <dir>', 'report folder (default: reports/diff)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  npx apiconform diff main/data/catalogue.csv data/catalogue.csv\n' +
        '  npx apiconform diff old.parquet new.parquet --fail-on warning --format junit --out reports/api-diff\n' +
        '\n--fail-on breaking (the default, same as error) fails only on breaking changes; --fail-on warning also on risky ones.\n',
    )
    .action((oldCatalogue: string, newCatalogue: string, _o: DiffFlags, command: Command) =>
      run(() => execute(oldCatalogue, newCatalogue, command.optsWithGlobals<DiffFlags>())),
    );
}

async function execute(oldCatalogue: string, newCatalogue: string, flags: DiffFlags): Promise<number> {
  const context = await commandContext(flags, { catalogue: newCatalogue });
  const { output, config } = context;
  const { runDiff, reportInputFor, reportDir } = await import('../../run/index.ts');
  const { writeReports } = await import('../../reports/index.ts');
  const started = performance.now();
  const phases = phaseLines(output);
  const result = await runDiff(oldCatalogue, newCatalogue, { config, onPhase: phases.onPhase });
  phases.end();
  const written = await writeReports(reportDir(config, 'diff', flags.out), reportInputFor(result, config), config.formats);
  summarise(context, config, result, written, (performance.now() - started) / 1000);
  return exitCodeFor(result.findings, config.failOn);
}
