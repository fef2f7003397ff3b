import type { Command } from 'commander';
import { commandContext, type GlobalFlags, type Runner } from '../context.ts';
import { countBySeverity, formatFindingLine } from '../output.ts';
import { exitCodeFor } from '../exit-codes.ts';

interface ReportFlags extends GlobalFlags {
  merge?: string[];
  out?: string;
}

/** `report --merge FILE…`: findings.json files (e.g. from CI shards) → one report in every format. */
export function registerReport(program: Command, run: Runner): void {
  program
    .command('report')
    .summary('merge findings (e.g. from CI shards) into one report')
    .description(
      'Reads the findings.json of several runs (CI shards, or lint and validate of one catalogue), unions their findings and ' +
        'checked endpoint×status cases (a finding present in two files counts once), and writes summary.md, findings.json, ' +
        'junit.xml and index.html to reports/report/. A folder argument stands for its findings.json. Exit 1 if a merged ' +
        'finding is at or above --fail-on.',
    )
    .requiredOption('--merge <files...>', 'findings.json files or the report folders that hold them')
    .option('--out <dir>', 'report folder (default: reports/report)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  npx apiconform report --merge shard-1/findings.json shard-2/findings.json --out reports/nightly\n' +
        '  npx apiconform report --merge reports/lint reports/validate --format html\n',
    )
    .action((_o: ReportFlags, command: Command) => run(() => execute(command.optsWithGlobals<ReportFlags>())));
}

async function execute(flags: ReportFlags): Promise<number> {
  const files = flags.merge!; // commander requires --merge with at least one file
  const context = await commandContext(flags);
  const { output, config } = context;
  const { mergeReports, readFindingsJson } = await import('../../reports/merge.ts');
  const { writeReports } = await import('../../reports/index.ts');
  const { RULES } = await import('../../rules/index.ts');
  const { VERSION } = await import('../../version.ts');
  const { reportDir } = await import('../../run/index.ts');

  const reports = [];
  for (const given of files) reports.push({ file: given, report: await readFindingsJson(given) });
  const input = mergeReports(reports, { tool: { name: 'apiconform', version: VERSION }, rules: RULES, failOn: config.failOn });
  const written = await writeReports(reportDir(config, 'report', flags.out), input, config.formats);

  const counts = countBySeverity(input.findings);
  if (context.json) {
    output.result(JSON.stringify({ command: 'report', merged: files, catalogue: input.catalogue, totals: counts, reports: written, findings: input.findings }, null, 2));
  } else {
    const shown = input.findings.filter((f) => f.severity === 'error').slice(0, 10);
    for (const finding of shown) output.info(formatFindingLine(finding));
    if (counts.error > shown.length) output.info(output.colors.dim(`… and ${counts.error - shown.length} more errors`));
    output.info(
      `\nreport: ${files.length} reports merged (${input.command}) on ${input.catalogue.file}, ${input.cases.length} endpoint×status cases — ` +
        `${output.colors.red(`${counts.error} errors`)}, ${output.colors.yellow(`${counts.warning} warnings`)}, ${counts.info} info`,
    );
    output.info(`reports: ${written.join(', ')}`);
  }
  return exitCodeFor(input.findings, config.failOn);
}
