import pc from 'picocolors';
import { createRequire } from 'node:module';
import type { Finding, Severity } from '../findings/types.ts';
import { escapeControl } from '../util/safe-text.ts';

// Progress bars appear only on a terminal: cli-progress is loaded then, not at every start.
const loadProgress = (): typeof import('cli-progress') => createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');

/**
 * Everything the CLI prints goes through here: results on stdout, progress and diagnostics on
 * stderr. Colours come from picocolors, which honours NO_COLOR/FORCE_COLOR and non-TTY output;
 * progress bars appear only when stderr is a TTY (plain lines otherwise, none with --quiet).
 */
export interface Output {
  info(message: string): void;
  warn(message: string): void;
  result(text: string): void;
  progress(label: string, total: number): Progress;
  readonly colors: typeof pc;
}

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

export function createOutput(options: { quiet?: boolean; json?: boolean } = {}): Output {
  const tty = process.stderr.isTTY === true && !process.env.CI;
  return {
    colors: pc,
    info: (message) => {
      if (!options.quiet) process.stderr.write(`${message}\n`);
    },
    warn: (message) => process.stderr.write(`${pc.yellow('warning')} ${escapeControl(message, true)}\n`),
    result: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    progress: (label, total) => {
      if (options.quiet || !tty) return { update: () => undefined, stop: () => undefined };
      const cliProgress = loadProgress();
      const bar = new cliProgress.SingleBar(
        { format: `${label} [{bar}] {value}/{total} {percentage}% eta {eta_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(total, 1), 0);
      return {
        update: (done, newTotal) => {
          if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
          bar.update(done);
        },
        stop: () => bar.stop(),
      };
    },
  };
}

const SEVERITY_COLOR: Record<Severity, (s: string) => string> = { error: pc.red, warning: pc.yellow, info: pc.cyan };

/** One line per finding, for the terminal (reports hold the full detail). */
export function formatFindingLine(finding: Finding): string {
  const where = escapeControl([finding.api, finding.endpoint, finding.status].filter((p) => p !== undefined && p !== '').join(' '), true);
  return `${SEVERITY_COLOR[finding.severity](finding.severity.padEnd(7))} ${pc.dim(escapeControl(finding.ruleId, true))} ${where ? `${pc.bold(where)} ` : ''}${escapeControl(finding.message, true)}`;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
