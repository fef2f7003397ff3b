import type { Command } from 'commander';
import { commandContext, type CommandContext, type GlobalFlags, type Runner } from '../context.ts';
import { countBySeverity, formatFindingLine } from '../output.ts';
import { exitCodeFor } from '../exit-codes.ts';
import { integerFlag } from '../parse.ts';
// the shard parser alone: the model stage's index would load the catalogue readers before --help
import { parseShard } from '../../model/shard.ts';

import type { RunPhase, RunResult } from '../../run/index.ts';

interface CheckFlags extends GlobalFlags {
  out?: string;
  runs?: string;
  seed?: string;
  selfCheck?: boolean;
  shard?: string;
}

const PHASE_LABEL: Record<RunPhase['phase'], string> = {
  read: 'reading catalogue',
  diff: 'comparing the catalogues',
  drift: 'calling the bound endpoints',
  build: 'building schemas and types',
  lint: 'linting status codes, error bodies and schemas',
  validate: 'validating examples against their schemas',
  properties: 'property-based checks',
  contracts: 'writing Pact contracts',
  verify: 'verifying contracts against the mock provider',
};

/** `lint`, `validate` and `all`: same shape — run, report, summarise, exit per the README's exit codes. */
export function registerChecks(program: Command, run: Runner): void {
  program
    .command('lint')
    .summary('inconsistency rules over the catalogue (status semantics, error shapes, over-fitted schemas…)')
    .description('Runs every lint rule (docs/rules.md) over the catalogue and writes reports to reports/lint/.')
    .argument('[catalogue]', 'catalogue file (default: data/catalogue.csv)')
    .option('--out <dir>', 'report folder (default: reports/lint)')
    .addHelpText('after', '\nExamples:\n  npx apiconform lint\n  npx apiconform lint data/catalogue.csv --fail-on warning --format md,json\n')
    .action((catalogue: string | undefined, _o: CheckFlags, command: Command) =>
      run(() => execute('lint', catalogue, command.optsWithGlobals<CheckFlags>())),
    );

  program
    .command('validate')
    .summary('every example against its schema, then property-based checks per endpoint')
    .description('Validates every catalogue example against the schema of its endpoint and status (ajv, JSON Schema 2020-12) and writes reports to reports/validate/.')
    .argument('[catalogue]', 'catalogue file (default: data/catalogue.csv)')
    .option('--out <dir>', 'report folder (default: reports/validate)')
    .option('--runs <n>', 'property-based runs per endpoint × status (default 100; 0 skips them)')
    .option('--seed <n>', 'seed of the property-based runs (default 1); a failure prints the seed to replay it')
    .option('--self-check', 'also check the generator against the validator: bodies generated from each schema validate, mutated ones do not (tests apiconform itself; slow at full size)')
    .option('--shard <i/n>', 'check only shard I of N of the endpoints (stable by endpoint id); merge the shards\' reports with report --merge')
    .addHelpText('after', '\nExamples:\n  npx apiconform validate\n  npx apiconform validate other.jsonl --runs 1000 --seed 42 --json\n')
    .action((catalogue: string | undefined, _o: CheckFlags, command: Command) =>
      run(() => execute('validate', catalogue, command.optsWithGlobals<CheckFlags>())),
    );

  program
    .command('all')
    .summary('the main job: build, lint, validate, report')
    .description('Builds generated/ from the catalogue, runs the lint rules and example validation, and writes summary.md, findings.json, junit.xml and index.html to reports/all/.')
    .argument('[catalogue]', 'catalogue file (default: data/catalogue.csv)')
    .option('--out <dir>', 'report folder (default: reports/all)')
    .option('--runs <n>', 'property-based runs per endpoint × status (default 100; 0 skips them)')
    .option('--seed <n>', 'seed of the property-based runs (default 1)')
    .option('--self-check', 'also check the generator against the validator (tests apiconform itself)')
    .option('--shard <i/n>', 'check only shard I of N of the endpoints (stable by endpoint id); merge the shards\' reports with report --merge')
    .addHelpText('after', '\nExamples:\n  npx apiconform all\n  npx apiconform all --fail-on never --format html\n  npx apiconform all --shard 2/4 --out reports/all-2   # one CI runner of four; merge with report --merge\n')
    .action((catalogue: string | undefined, _o: CheckFlags, command: Command) =>
      run(() => execute('all', catalogue, command.optsWithGlobals<CheckFlags>())),
    );
}

async function execute(commandName: 'lint' | 'validate' | 'all', catalogue: string | undefined, flags: CheckFlags): Promise<number> {
  const context = await commandContext(flags, { catalogue });
  const { output } = context;
  const config = {
    ...context.config,
    validate: {
      runs: integerFlag(flags.runs, '--runs', 0, 100_000) ?? context.config.validate.runs,
      seed: integerFlag(flags.seed, '--seed', 0, 2 ** 31 - 1) ?? context.config.validate.seed,
      selfCheck: flags.selfCheck ?? context.config.validate.selfCheck,
    },
  };
  const { runAll, runChecksCommand, reportInputFor, reportDir, applyAcceptance } = await import('../../run/index.ts');
  const { writeReports } = await import('../../reports/index.ts');
  const started = performance.now();
  const phases = phaseLines(output);
  const onPhase = phases.onPhase;
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const runOptions = { config, onPhase, ...(shard ? { shard } : {}) };
  const result = await applyAcceptance(commandName === 'all' ? await runAll(runOptions) : await runChecksCommand(commandName, runOptions), config);
  phases.end();

  const dir = reportDir(config, commandName, flags.out);
  const input = reportInputFor(result, config);
  const written = await writeReports(dir, input, config.formats);
  summarise(context, config, result, written, (performance.now() - started) / 1000);
  return exitCodeFor(result.findings, config.failOn);
}

/** A ✓ line for each phase of a run as it ends (when the next one starts, or at `end()`). */
export function phaseLines(output: CommandContext['output']): { onPhase: (phase: RunPhase) => void; end: () => void } {
  let current: string | undefined;
  const end = () => {
    if (current) output.info(`${output.colors.green('✓')} ${current}`);
    current = undefined;
  };
  return {
    onPhase: (phase) => {
      end();
      current = `${PHASE_LABEL[phase.phase]}${phase.detail ? ` (${phase.detail})` : ''}`;
    },
    end,
  };
}

export function summarise(context: CommandContext, config: CommandContext['config'], result: RunResult, written: string[], seconds: number): void {
  const { output } = context;
  const counted = result.findings.filter((f) => !f.accepted);
  const accepted = result.findings.length - counted.length;
  const counts = countBySeverity(counted);
  if (context.json) {
    output.result(JSON.stringify({ command: result.command, catalogue: result.catalogue, totals: counts, accepted, ...(result.fixed ? { fixed: result.fixed.length } : {}), reports: written, findings: result.findings }, null, 2));
    return;
  }
  const shown = counted.filter((f) => f.severity === 'error').slice(0, 10);
  for (const finding of shown) output.info(formatFindingLine(finding));
  const more = counts.error - shown.length;
  if (more > 0) output.info(output.colors.dim(`… and ${more} more errors`));
  const { apis, endpoints } = result.catalogue;
  output.info(
    `\n${result.command}: ${result.catalogue.rows} rows, ${apis} APIs, ${endpoints} endpoints — ` +
      `${output.colors.red(`${counts.error} errors`)}, ${output.colors.yellow(`${counts.warning} warnings`)}, ${counts.info} info` +
      `${accepted > 0 ? `, ${accepted} accepted` : ''}${result.fixed?.length ? `, ${result.fixed.length} fixed since the baseline` : ''} (${seconds.toFixed(1)} s)`,
  );
  output.info(`reports: ${written.join(', ')}`);
  const failing = config.failOn === 'never' ? 0 : counted.filter((f) => ['error', 'warning', 'info'].indexOf(f.severity) <= ['error', 'warning', 'info'].indexOf(config.failOn as string)).length;
  if (failing > 0) output.info(`${output.colors.red('✗')} ${failing} finding${failing === 1 ? '' : 's'} at or above ${config.failOn} (exit 1)`);
}
