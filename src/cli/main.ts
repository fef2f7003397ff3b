import { Command, CommanderError, Option } from 'commander';
import { ApiconformError, errorMessage } from '../util/errors.ts';
import { safeLine } from '../util/safe-text.ts';
import { EXIT } from './exit-codes.ts';
import { registerBaseline } from './commands/baseline.ts';
import { registerBuild } from './commands/build.ts';
import { registerChecks } from './commands/checks.ts';
import { registerContracts } from './commands/contracts.ts';
import { registerDiff } from './commands/diff.ts';
import { registerReport } from './commands/report.ts';
import { registerDrift } from './commands/drift.ts';
import { registerOpenApi } from './commands/openapi.ts';
import { VERSION } from '../version.ts';

/**
 * The CLI: parses arguments and calls the library; nothing else. Returns the exit code:
 * 0 clean, 1 findings at/above --fail-on (or a stale --check), 2 usage/config/input error,
 * 3 internal error (a bug: please report it with --debug output).
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.clean;
  const debug = argv.includes('--debug');
  const run = async (action: () => Promise<number>) => {
    exitCode = await action();
  };

  const program = new Command('apiconform')
    .description('Contract testing and schema conformance for endpoint catalogues.')
    .version(VERSION, '-v, --version')
    .option('--config <file>', 'config file (default: apiconform.config.json|yaml in the current folder)')
    .option('--json', 'machine-readable output on stdout')
    .option('-q, --quiet', 'print only errors')
    .option('--verbose', 'also print every request the mock provider or the verifier makes')
    .option('--strict', 'a bad catalogue row is fatal (exit 2) instead of a finding')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run (exit 1); `breaking` is `error`').choices(['error', 'breaking', 'warning', 'info', 'never']))
    .option('--format <list>', 'report formats: md,json,junit,html,sarif,github (default: md,json,junit,html), changelog (diff release notes)')
    .option('--baseline <file>', 'a findings.json (apiconform baseline writes one): its findings are accepted, only new ones count for --fail-on')
    .option('--ignore <file>', 'accepted findings with reasons (default: apiconform.ignore.yaml when it exists)')
    .option('--debug', 'show stack traces of errors')
    .option('--stats', 'print wall time and peak memory (RSS) on stderr at the end')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text), writeOut: (text) => process.stdout.write(text) });

  registerBuild(program, run);
  registerChecks(program, run);
  registerContracts(program, run);
  registerDiff(program, run);
  registerDrift(program, run);
  registerReport(program, run);
  registerBaseline(program, run);
  registerOpenApi(program, run);

  program.addHelpText(
    'after',
    '\nExit codes: 0 clean, 1 findings at/above --fail-on (or stale output with --check),\n' +
      '2 usage, config or input error, 3 internal error.\n',
  );

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    const started = performance.now();
    await program.parseAsync([...argv], { from: 'user' });
    if (argv.includes('--stats')) {
      const seconds = (performance.now() - started) / 1000;
      const peakMb = process.resourceUsage().maxRSS / 1024; // KiB → MiB, the whole process incl. workers
      process.stderr.write(`stats: ${JSON.stringify({ seconds: Number(seconds.toFixed(3)), peakRssMb: Math.round(peakMb) })}\n`);
    }
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.clean;
      return EXIT.usage; // commander has already printed the message
    }
    if (error instanceof ApiconformError) {
      process.stderr.write(`apiconform: ${safeLine(errorMessage(error))}\n`);
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
      return error.kind === 'internal' ? EXIT.internal : EXIT.usage;
    }
    process.stderr.write(`apiconform: internal error: ${safeLine(errorMessage(error))}\n`);
    process.stderr.write(debug && error instanceof Error && error.stack ? `${error.stack}\n` : '(run with --debug for the stack trace, and please report it)\n');
    return EXIT.internal;
  }
}
