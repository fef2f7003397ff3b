import { join } from 'node:path';
import type { Command } from 'commander';
import { commandContext, type GlobalFlags, type Runner } from '../context.ts';
import { exitCodeFor } from '../exit-codes.ts';
import { integerFlag } from '../parse.ts';
import { writeFileAtomic } from '../../util/atomic-write.ts';
import { phaseLines, summarise } from './checks.ts';

interface DriftFlags extends GlobalFlags {
  bindings?: string;
  baseUrl?: string;
  shard?: string;
  concurrency?: string;
  out?: string;
}

/** `drift`: live calls of the bound endpoints, checked against the catalogue. */
export function registerDrift(program: Command, run: Runner): void {
  program
    .command('drift')
    .summary('calls live endpoints and reports drift from their schemas')
    .description(
      'Calls every endpoint the bindings file says how to reach (an OpenAPI catalogue: every operation, at --base-url or its first ' +
        'server; no bindings needed) (this shard of them), with retries on network errors, 429 and ' +
        '5xx (honouring Retry-After), a timeout per call and the per-API rate limit, and checks each answer against the ' +
        'catalogue: documented status, JSON body, its schema, fields the schema does not name. Header values come from the ' +
        'environment and are never written anywhere. Writes the four reports and results.json (one line per call: endpoint, ' +
        'status, latency, verdict) to reports/drift/.',
    )
    .argument('[catalogue]', 'catalogue file (default: data/catalogue.csv)')
    .option('--bindings <file>', 'bindings file (YAML or JSON); not needed for an OpenAPI catalogue')
    .option('--base-url <url>', 'OpenAPI catalogue: call every endpoint here instead of the document\'s first server')
    .option('--shard <i/n>', 'call only shard I of N (stable by endpoint id; merge the shards with report --merge)')
    .option('--concurrency <n>', 'calls in flight at once (default 4)')
    .option('--out <dir>', 'report folder (default: reports/drift)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  RAPIDAPI_KEY=… npx apiconform drift --bindings bindings.yaml\n' +
        '  npx apiconform drift --bindings bindings.yaml --shard 2/4 --concurrency 8 --out reports/drift-2\n' +
        '  npx apiconform report --merge reports/drift-1 reports/drift-2 reports/drift-3 reports/drift-4 --out reports/drift\n',
    )
    .action((catalogue: string | undefined, _o: DriftFlags, command: Command) => run(() => execute(catalogue, command.optsWithGlobals<DriftFlags>())));
}

async function execute(catalogue: string | undefined, flags: DriftFlags): Promise<number> {
  const context = await commandContext(flags, { catalogue });
  const { output, config } = context;
  const { parseShard } = await import('../../drift/index.ts');
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const concurrency = integerFlag(flags.concurrency, '--concurrency', 1, 256);
  const { runDrift, reportInputFor, reportDir, applyAcceptance } = await import('../../run/index.ts');
  const { writeReports } = await import('../../reports/index.ts');
  const started = performance.now();
  const phases = phaseLines(output);
  let progress: ReturnType<typeof output.progress> | undefined;
  const drifted = await runDrift({
    config,
    ...(flags.bindings ? { bindings: flags.bindings } : {}),
    ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
    ...(shard ? { shard } : {}),
    ...(concurrency ? { concurrency } : {}),
    onPhase: phases.onPhase,
    onCall: (done, total) => {
      progress ??= output.progress('drift', total);
      progress.update(done, total);
    },
  });
  progress?.stop();
  phases.end();
  const result = { ...drifted, ...(await applyAcceptance(drifted, config)) };
  const dir = reportDir(config, 'drift', flags.out);
  const written = await writeReports(dir, reportInputFor(result, config), config.formats);
  const resultsFile = join(dir, 'results.json');
  await writeFileAtomic(resultsFile, `${JSON.stringify({ shard: shard ?? { index: 1, count: 1 }, unbound: result.unbound, results: result.results }, null, 2)}\n`);
  if (!context.json && result.results.length === 0) output.info(`no endpoint of this shard is bound (${result.unbound} endpoints have no baseUrl and path in the bindings)`);
  summarise(context, config, result, [...written, resultsFile], (performance.now() - started) / 1000);
  return exitCodeFor(result.findings, config.failOn);
}
