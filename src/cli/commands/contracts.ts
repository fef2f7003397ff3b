import type { Command } from 'commander';
import { commandContext, type GlobalFlags, type Runner } from '../context.ts';
import { countBySeverity, formatFindingLine } from '../output.ts';
import { EXIT, exitCodeFor } from '../exit-codes.ts';
import { usageError } from '../../util/errors.ts';
import { integerFlag } from '../parse.ts';

interface ContractsFlags extends GlobalFlags {
  out?: string;
  bindings?: string;
}

interface ServeFlags extends GlobalFlags {
  port?: string;
  host?: string;
  seed?: string;
  mutate?: string;
}

interface VerifyFlags extends GlobalFlags {
  pact?: string[];
  baseUrl?: string;
  bindings?: string;
  timeout?: string;
  statuses?: 'all' | '2xx';
  mutate?: string;
  out?: string;
  catalogue?: string;
}


/** `contracts`, `serve`, `verify`: thin shells over src/contracts, src/serve and src/verify. */
export function registerContracts(program: Command, run: Runner): void {
  program
    .command('contracts')
    .summary('Pact V4 contract files, one per API')
    .description('Writes contracts/apiconform-<api>.json through the Pact consumer API: one interaction per endpoint × status × example, matchers inferred from the schemas; deterministic and written atomically.')
    .argument('[catalogue]', 'catalogue file (default: data/catalogue.csv)')
    .option('--out <dir>', 'output folder (default: contracts)')
    .option('--bindings <file>', 'bindings file (YAML/JSON): real method and path per endpoint instead of the mock route')
    .addHelpText('after', '\nExamples:\n  npx apiconform contracts\n  npx apiconform contracts --bindings bindings.yaml --out /tmp/contracts\n')
    .action((catalogue: string | undefined, _o: ContractsFlags, command: Command) =>
      run(async () => {
        const flags = command.optsWithGlobals<ContractsFlags>();
        const { config, output, json } = await commandContext(flags, { catalogue });
        const { writeContracts } = await import('../../contracts/index.ts');
        const result = await writeContracts({ catalogue: config.catalogue, out: flags.out ?? config.contracts, bindings: flags.bindings, strict: config.strict });
        const { gradeFindings } = await import('../../config/index.ts');
        const findings = gradeFindings(result.findings, config.rules);
        if (json) output.result(JSON.stringify({ ...result, findings }, null, 2));
        else {
          for (const finding of findings.filter((f) => f.severity !== 'info')) output.info(formatFindingLine(finding));
          output.info(`contracts: ${result.files.length} pact files, ${result.interactions} interactions (${result.pending} pending) in ${flags.out ?? config.contracts}/ (${(result.durationMs / 1000).toFixed(1)} s)`);
        }
        return exitCodeFor(findings, config.failOn);
      }),
    );

  program
    .command('serve')
    .summary('mock provider built from the catalogue')
    .description(
      'Serves every endpoint at ANY /<api>/<endpoint>: its first 2xx example by default; `Prefer: code=402`, `Prefer: example=N` and ' +
        '`Prefer: dynamic=true` (a body generated from the schema, seeded) choose another. GET /__apiconform/endpoints lists the routes. ' +
        'Binds 127.0.0.1 unless told otherwise; Ctrl-C shuts down gracefully. --mutate makes it drift on purpose (to test the checkers).',
    )
    .argument('[catalogue]', 'catalogue file (default: data/catalogue.csv)')
    .option('--port <port>', 'port (default 4010; 0 picks a free one)')
    .option('--host <host>', 'address to bind (default 127.0.0.1)')
    .option('--seed <n>', 'seed of dynamic bodies (default 1)')
    .option('--mutate <file>', 'YAML/JSON file of per-endpoint drift: drop-field, change-type, status, extra-field, non-json, delay')
    .addHelpText('after', '\nExamples:\n  npx apiconform serve --port 4010\n  curl -H "Prefer: code=402" http://127.0.0.1:4010/d7sms/send-viber-message\n')
    .action((catalogue: string | undefined, _o: ServeFlags, command: Command) =>
      run(async () => {
        const flags = command.optsWithGlobals<ServeFlags>();
        const { config, output } = await commandContext(flags, { catalogue });
        const { serve, formatLogEntry } = await import('../../serve/index.ts');
        const server = await serve({
          catalogue: config.catalogue,
          host: flags.host,
          port: integerFlag(flags.port, '--port', 0, 65535) ?? 4010,
          seed: integerFlag(flags.seed, '--seed', 0, 2 ** 31 - 1),
          mutate: flags.mutate,
          strict: config.strict,
          log: (entry) => output.info(formatLogEntry(entry)),
        });
        output.info(`mock provider for ${config.catalogue}: ${server.url} (${server.routes.size} routes; GET ${server.url}/__apiconform/endpoints lists them). Ctrl-C stops it.`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        output.info('shutting down…');
        await server.close();
        return EXIT.clean;
      }),
    );

  program
    .command('verify')
    .summary('Pact provider verification (against the mock it starts, or --base-url)')
    .description(
      'Verifies the Pact files (default: contracts/) with the Pact verifier. Without --base-url it starts the mock provider itself. ' +
        'With --bindings, real paths are used and headers such as X-RapidAPI-Key: ${RAPIDAPI_KEY} are filled from the environment — ' +
        'secrets are sent to the provider and written nowhere. Mismatches become contract/* findings in reports/verify/.',
    )
    .option('--pact <file...>', 'pact files or folders (default: contracts)')
    .option('--base-url <url>', 'a real provider to verify instead of the mock')
    .option('--bindings <file>', 'bindings file (YAML/JSON, see README)')
    .option('--catalogue <file>', 'catalogue the mock is built from (default: data/catalogue.csv)')
    .option('--timeout <ms>', 'per-request timeout in ms (default: bindings timeoutMs, else 10000)')
    .option('--statuses <which>', 'all | 2xx (default: all against the mock, 2xx with bindings)')
    .option('--mutate <file>', 'make the self-started mock drift (to prove the gate fails)')
    .option('--out <dir>', 'report folder (default: reports/verify)')
    .addHelpText('after', '\nExamples:\n  npx apiconform verify\n  RAPIDAPI_KEY=… npx apiconform verify --bindings bindings.yaml\n')
    .action((_o: VerifyFlags, command: Command) =>
      run(async () => {
        const flags = command.optsWithGlobals<VerifyFlags>();
        if (flags.statuses && flags.statuses !== 'all' && flags.statuses !== '2xx') throw usageError(`--statuses takes all or 2xx (got "${flags.statuses}")`);
        const context = await commandContext(flags, { catalogue: flags.catalogue });
        const { config, output } = context;
        const { verifyContracts } = await import('../../verify/index.ts');
        const { loadCatalogueModel } = await import('../../model/index.ts');
        const { model } = await loadCatalogueModel(config.catalogue, { strict: config.strict });
        const result = await verifyContracts({
          model,
          pacts: flags.pact ?? [config.contracts],
          baseUrl: flags.baseUrl,
          bindings: flags.bindings,
          timeoutMs: integerFlag(flags.timeout, '--timeout', 1, 600_000),
          statuses: flags.statuses,
          mutate: flags.mutate,
          ...(flags.verbose ? { log: (line: string) => output.info(output.colors.dim(line)) } : {}),
          strict: config.strict,
        });
        const { gradeFindings } = await import('../../config/index.ts');
        const { writeReports } = await import('../../reports/index.ts');
        const { reportInputFor, casesOf } = await import('../../run/index.ts');
        const findings = gradeFindings(result.findings, config.rules);
        const dir = flags.out ?? `${config.reports}/verify`;
        const written = await writeReports(dir, reportInputFor({ command: 'verify', cases: casesOf(model), catalogue: { file: config.catalogue, rows: 0, apis: model.apis.length, endpoints: model.apis.reduce((n, api) => n + api.endpoints.length, 0) }, findings, durationMs: result.durationMs }, config), config.formats);
        const counts = countBySeverity(findings);
        if (context.json) output.result(JSON.stringify({ target: result.target, passed: result.passed, failed: result.failed, skipped: result.skipped, pending: result.pending, findings, reports: written }, null, 2));
        else {
          for (const finding of findings.filter((f) => f.severity !== 'info')) output.info(formatFindingLine(finding));
          output.info(`verify (${result.target}): ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped, ${result.pending} pending — ${counts.error} errors, ${counts.warning} warnings (${(result.durationMs / 1000).toFixed(1)} s)`);
          output.info(`reports: ${written.join(', ')}`);
        }
        return exitCodeFor(findings, config.failOn);
      }),
    );
}
