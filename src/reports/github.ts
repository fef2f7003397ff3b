import { compareFindings } from '../findings/types.ts';
import type { Severity } from '../findings/types.ts';
import { findingLocation } from './sarif.ts';
import type { ReportInput } from './types.ts';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * `--format github`: one GitHub Actions workflow command per finding
 * (`::error file=data/catalogue.csv,line=12,title=…::message`), printed on stdout where the runner
 * turns them into annotations; `writeReports` also appends the Markdown summary to
 * `$GITHUB_STEP_SUMMARY`. Locations are the SARIF report's: a catalogue row's `file:line`, else the
 * endpoint's generated schema file.
 */
export function renderGithub(input: ReportInput): string {
  const lines = [...input.findings].sort(compareFindings).map((finding) => {
    const { file, line } = findingLocation(finding, input.catalogue.file);
    const where = [finding.endpoint ? `${finding.api}/${finding.endpoint}` : finding.api, finding.status].filter((part) => part !== undefined && part !== '').join(' ');
    const properties = [`file=${escapeProperty(file)}`, ...(line && line > 0 ? [`line=${line}`] : []), `title=${escapeProperty(`${finding.ruleId} ${where}`.trim())}`];
    const message = finding.pointer ? `${finding.message} (at ${finding.pointer})` : finding.message;
    return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(message)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A workflow command's message: `%`, CR and LF are escaped (@actions/core's escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,` (@actions/core's escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
