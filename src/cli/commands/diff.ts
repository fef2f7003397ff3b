import type { Command } from 'commander';
import { commandContext, type GlobalFlags, type Runner } from '../context.ts';
import { exitCodeFor } from '../exit-codes.ts';
import { phaseLines, summarise } from './checks.ts';
import { usageError } from '../../util/errors.ts';

interface DiffFlags extends GlobalFlags {
  out?: string;
  base?: string;
  match?: string[];
  exclude?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

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
    .argument('[old]', 'the catalogue before the change (csv, jsonl, json, parquet, or an OpenAPI 3 document), or REV:PATH to read it from git')
    .argument('[new]', 'the catalogue after the change (default: the configured catalogue)')
    .option('--base <ref>', 'read the old catalogue from git at this revision (the new one\'s path at REF); then only NEW is given')
    .option('--match <glob>', 'compare only these APIs or endpoints: api or api/endpoint slugs, * as wildcard (repeatable, comma-separated)', collect)
    .option('--exclude <glob>', 'leave these APIs or endpoints out (same patterns)', collect)
    .option('--out <dir>', 'report folder (default: reports/diff)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  npx apiconform diff main:data/catalogue.csv data/catalogue.csv\n' +
        '  npx apiconform diff --base origin/main data/catalogue.csv\n' +
        '  npx apiconform diff old.parquet new.parquet --fail-on warning --format junit --out reports/api-diff\n' +
        '\n--fail-on breaking (the default, same as error) fails only on breaking changes; --fail-on warning also on risky ones.\n',
    )
    .action((first: string | undefined, second: string | undefined, _o: DiffFlags, command: Command) =>
      run(() => execute(first, second, command.optsWithGlobals<DiffFlags>())),
    );
}

async function execute(first: string | undefined, second: string | undefined, flags: DiffFlags): Promise<number> {
  if (flags.base !== undefined && second !== undefined) throw usageError('with --base, give only the new catalogue: diff --base REF [NEW]');
  if (flags.base === undefined && second === undefined) throw usageError('diff needs OLD and NEW catalogues (OLD may be REV:PATH), or --base REF [NEW]');
  const newArgument = flags.base === undefined ? second : first;
  const context = await commandContext(flags, newArgument === undefined ? {} : { catalogue: newArgument });
  const { output, config } = context;
  const { runDiff, reportInputFor, reportDir, applyAcceptance, baseSource, catalogueSource } = await import('../../run/index.ts');
  const root = process.cwd();
  const newSource = catalogueSource(config.catalogue, root);
  const oldCatalogue = flags.base === undefined ? catalogueSource(first!, root) : baseSource(flags.base, config.catalogue, root);
  const newCatalogue = newSource;
  const { writeReports } = await import('../../reports/index.ts');
  const started = performance.now();
  const phases = phaseLines(output);
  const result = await applyAcceptance(await runDiff(oldCatalogue, newCatalogue, { config, onPhase: phases.onPhase, filter: { ...(flags.match ? { match: flags.match } : {}), ...(flags.exclude ? { exclude: flags.exclude } : {}) } }), config);
  phases.end();
  const written = await writeReports(reportDir(config, 'diff', flags.out), reportInputFor(result, config), config.formats);
  summarise(context, config, result, written, (performance.now() - started) / 1000);
  return exitCodeFor(result.findings, config.failOn);
}
