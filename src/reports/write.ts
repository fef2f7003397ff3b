import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { usageError } from '../util/errors.ts';
import { escapeControlDeep } from '../util/safe-text.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { renderGithub } from './github.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { renderSarif } from './sarif.ts';
import { renderChangelog } from './changelog.ts';
import { DEFAULT_REPORT_FORMATS, REPORT_FILE_NAMES, REPORT_FORMATS } from './types.ts';
import type { ReportFormat, ReportInput } from './types.ts';

const WRITERS: Readonly<Record<ReportFormat, (input: ReportInput) => string>> = {
  md: (input) => renderMarkdown(input),
  json: renderJson,
  junit: renderJunit,
  html: renderHtml,
  sarif: (input) => renderSarif(input),
  github: renderGithub,
  changelog: renderChangelog,
};

/**
 * Every format's writer behind one guard: provider- and catalogue-derived text reaches no format
 * with raw control characters (escaped as visible `\u001b`, util/safe-text.ts), whichever writer.
 */
export const RENDERERS: Readonly<Record<ReportFormat, (input: ReportInput) => string>> = Object.fromEntries(
  REPORT_FORMATS.map((format) => [format, (input: ReportInput) => WRITERS[format](escapeControlDeep(input))]),
) as Record<ReportFormat, (input: ReportInput) => string>;

/** Where `github`'s output goes; the process's by default, replaceable in tests. */
export interface ReportSinks {
  stdout?: (text: string) => void;
  /** `GITHUB_STEP_SUMMARY` is read from here (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Writes the chosen formats into `dir` and returns their paths, in REPORT_FORMATS order. Every
 * format is rendered before anything is written, so a writer that throws leaves the previous
 * report untouched; each file is then replaced atomically. `github` writes no file: its workflow
 * commands go to stdout, and the Markdown summary is appended to `$GITHUB_STEP_SUMMARY` when that
 * is set (whose path is then returned last).
 */
export async function writeReports(
  dir: string,
  input: ReportInput,
  formats: readonly ReportFormat[] = DEFAULT_REPORT_FORMATS,
  sinks: ReportSinks = {},
): Promise<string[]> {
  const chosen = REPORT_FORMATS.filter((format) => formats.includes(format));
  const rendered = chosen.flatMap((format) => (format === 'github' ? [] : [{ path: join(dir, REPORT_FILE_NAMES[format]), text: RENDERERS[format](input) }]));
  const github = chosen.includes('github') ? { commands: RENDERERS.github(input), summary: RENDERERS.md(input) } : undefined;
  for (const { path, text } of rendered) await writeFileAtomic(path, text);
  const paths = rendered.map(({ path }) => path);
  if (github) {
    (sinks.stdout ?? ((text: string) => process.stdout.write(text)))(github.commands);
    const summaryFile = (sinks.env ?? process.env).GITHUB_STEP_SUMMARY;
    if (summaryFile) {
      await appendFile(summaryFile, `${github.summary.trimEnd()}\n\n`);
      paths.push(summaryFile);
    }
  }
  return paths;
}

/** `--format md,json` → `['md', 'json']`; an unknown or empty list is a usage error. */
export function parseReportFormats(text: string): ReportFormat[] {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
  if (names.length === 0) throw usageError(`--format needs at least one of ${REPORT_FORMATS.join(', ')}`);
  const unknown = names.filter((name) => !(REPORT_FORMATS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw usageError(`unknown report format ${unknown.map((name) => `"${name}"`).join(', ')}: use ${REPORT_FORMATS.join(', ')}`);
  }
  return REPORT_FORMATS.filter((format) => names.includes(format));
}
