import type { Command } from 'commander';
import { resolve } from 'node:path';
import { commandContext, type GlobalFlags, type Runner } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { integerFlag } from '../parse.ts';
import { usageError } from '../../util/errors.ts';

interface BaselineFlags extends GlobalFlags {
  out?: string;
  from?: string;
  runs?: string;
}

const SOURCES = ['lint', 'validate', 'all'] as const;

/** `baseline [CATALOGUE]`: today's findings as a findings.json, for `--baseline` to accept later. */
export function registerBaseline(program: Command, run: Runner): void {
  program
    .command('baseline')
    .summary('write a baseline (findings.json) of today\'s findings, for --baseline')
    .description(
      'Runs lint, validate or all (--from, default all) over the catalogue and writes every finding to a findings.json. ' +
        'Later runs given --baseline FILE (lint, validate, all, drift, diff) report its findings as accepted and count only new ones ' +
        'for --fail-on; findings gone since are reported as fixed. Matching is by rule, api, endpoint, status and pointer.',
    )
    .argument('[catalogue]', 'catalogue file (default: data/catalogue.csv)')
    .option('--out <file>', 'the baseline file (default: apiconform.baseline.json)')
    .option('--from <command>', 'which checks: lint, validate or all (default: all)')
    .option('--runs <n>', 'property-based runs per endpoint × status when validating (default from config)')
    .addHelpText('after', '\nExamples:\n  npx apiconform baseline\n  npx apiconform lint --baseline apiconform.baseline.json\n')
    .action((catalogue: string | undefined, _o: BaselineFlags, command: Command) => run(() => execute(catalogue, command.optsWithGlobals<BaselineFlags>())));
}

async function execute(catalogue: string | undefined, flags: BaselineFlags): Promise<number> {
  const from = (flags.from ?? 'all') as (typeof SOURCES)[number];
  if (!SOURCES.includes(from)) throw usageError(`--from must be one of ${SOURCES.join(', ')} (got "${flags.from}")`);
  const context = await commandContext(flags, { ...(catalogue ? { catalogue } : {}) });
  const { output } = context;
  const config = { ...context.config, validate: { ...context.config.validate, runs: integerFlag(flags.runs, '--runs', 0, 100_000) ?? context.config.validate.runs } };
  const { runAll, runChecksCommand, reportInputFor } = await import('../../run/index.ts');
  const { renderJson } = await import('../../reports/json.ts');
  const { writeFileAtomic } = await import('../../util/atomic-write.ts');
  const result = from === 'all' ? await runAll({ config }) : await runChecksCommand(from, { config });
  const file = resolve(flags.out ?? 'apiconform.baseline.json');
  await writeFileAtomic(file, renderJson({ ...reportInputFor(result, config), failOn: 'never' }));
  if (context.json) output.result(JSON.stringify({ command: 'baseline', from, file, findings: result.findings.length }, null, 2));
  else output.info(`baseline: ${result.findings.length} findings from ${from} written to ${flags.out ?? 'apiconform.baseline.json'}`);
  return EXIT.clean;
}
