import { join } from 'node:path';
import { usageError } from '../util/errors.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { renderChangelog } from './changelog.ts';
import { DEFAULT_REPORT_FORMATS, REPORT_FILE_NAMES, REPORT_FORMATS } from './types.ts';
import type { ReportFormat, ReportInput } from './types.ts';

export const RENDERERS: Readonly<Record<ReportFormat, (input: ReportInput) => string>> = {
  md: (input) => renderMarkdown(input),
  json: renderJson,
  junit: renderJunit,
  html: renderHtml,
  changelog: renderChangelog,
};

/**
 * Writes the chosen formats into `dir` and returns their paths, in REPORT_FORMATS order. Every
 * format is rendered before anything is written, so a writer that throws leaves the previous
 * report untouched; each file is then replaced atomically.
 */
export async function writeReports(
  dir: string,
  input: ReportInput,
  formats: readonly ReportFormat[] = DEFAULT_REPORT_FORMATS,
): Promise<string[]> {
  const chosen = REPORT_FORMATS.filter((format) => formats.includes(format));
  const rendered = chosen.map((format) => ({ path: join(dir, REPORT_FILE_NAMES[format]), text: RENDERERS[format](input) }));
  for (const { path, text } of rendered) await writeFileAtomic(path, text);
  return rendered.map(({ path }) => path);
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
