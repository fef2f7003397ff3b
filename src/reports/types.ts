import type { Finding, Severity } from '../findings/types.ts';
import type { RuleDefinition } from '../rules/types.ts';

/**
 * What every report writer takes: one run's findings plus the context needed to read them
 * (which catalogue, which endpoint×status pairs were checked, what the rules mean). Plain data,
 * so a merged run (`report --merge`) can be rebuilt from `findings.json` alone.
 */
export interface ReportInput {
  tool: { name: string; version: string };
  /** The command that produced the findings: `all`, `lint`, `validate`, `verify`, `drift`… */
  command: string;
  catalogue: ReportCatalogue;
  /** Already graded (severity is final); any order, writers sort with `compareFindings`. */
  findings: Finding[];
  /** With a baseline: its findings that no longer occur (reported as fixed, never counted). */
  fixed?: Finding[];
  /** Every endpoint×status that was checked, clean or not: JUnit testcases, the HTML "clean" rows. */
  cases: ReportCase[];
  /** Titles and explanations for the rule ids; a finding whose rule is missing here shows its id. */
  rules: readonly RuleDefinition[];
  /** The threshold that decides the exit code: the report says "failed" exactly when the CLI exits 1. */
  failOn: Severity | 'never';
  /**
   * Wall time of the run. Left out of every format unless given, because a report that carries
   * it is no longer byte-identical from run to run.
   */
  durationMs?: number;
}

export interface ReportCatalogue {
  file: string;
  rows: number;
  apis: number;
  endpoints: number;
  responses: number;
}

/** One checked endpoint×status, with the human names the findings (slugs only) lack. */
export interface ReportCase {
  api: string;
  apiName: string;
  endpoint: string;
  endpointName: string;
  status: number;
}

export type ReportFormat = 'md' | 'json' | 'junit' | 'html' | 'sarif' | 'github' | 'changelog';

/** In the order `--format` documents them and `writeReports` writes them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'json', 'junit', 'html', 'sarif', 'github', 'changelog'];

/** What a command writes when neither `--format` nor the config says: the CI formats are asked for. */
export const DEFAULT_REPORT_FORMATS: readonly ReportFormat[] = ['md', 'json', 'junit', 'html'];

/**
 * Reports go to reports/<command>/: summary.md, findings.json, junit.xml, index.html,
 * findings.sarif (README "Commands"). `github` writes no file: its workflow commands go to stdout
 * and its summary to `$GITHUB_STEP_SUMMARY`.
 */
export const REPORT_FILE_NAMES: Readonly<Record<Exclude<ReportFormat, 'github'>, string>> = {
  md: 'summary.md',
  json: 'findings.json',
  junit: 'junit.xml',
  html: 'index.html',
  sarif: 'findings.sarif',
  changelog: 'changelog.md',
};
