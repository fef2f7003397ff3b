import { loadConfigFile, resolveConfig, type ResolvedConfig, type FailOn, type ReportFormat } from '../config/index.ts';
import { usageError } from '../util/errors.ts';
import { REPORT_FORMATS } from '../reports/types.ts';
import { createOutput, type Output } from './output.ts';

/** How main.ts runs a command's action: it keeps the exit code the action returns. */
export type Runner = (action: () => Promise<number>) => Promise<void>;

/** Options every command accepts (see main.ts). */
export interface GlobalFlags {
  config?: string;
  debug?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  failOn?: string;
  format?: string;
  strict?: boolean;
  baseline?: string;
  ignore?: string;
}

export interface CommandContext {
  config: ResolvedConfig;
  output: Output;
  json: boolean;
  cwd: string;
}

const FAIL_ON = new Set(['error', 'breaking', 'warning', 'info', 'never']);
const FORMATS = new Set<string>(REPORT_FORMATS);

/** Config file + flags → one resolved context, once per command. */
export async function commandContext(flags: GlobalFlags, overrides: { catalogue?: string } = {}): Promise<CommandContext> {
  const cwd = process.cwd();
  if (flags.failOn !== undefined && !FAIL_ON.has(flags.failOn)) throw usageError(`--fail-on must be one of error (or breaking), warning, info, never (got "${flags.failOn}")`);
  // `diff --fail-on breaking` (README "Gate a catalogue change"): breaking changes are the diff rules' errors
  const failOn = flags.failOn === 'breaking' ? 'error' : flags.failOn;
  const formats = flags.format?.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = formats?.filter((f) => !FORMATS.has(f));
  if (unknown?.length) throw usageError(`--format takes ${REPORT_FORMATS.join(', ')} (got ${unknown.join(', ')})`);
  const file = await loadConfigFile(cwd, flags.config);
  const config = resolveConfig(file, {
    catalogue: overrides.catalogue,
    failOn: failOn as FailOn | undefined,
    formats: formats as ReportFormat[] | undefined,
    strict: flags.strict,
    ...(flags.baseline === undefined ? {} : { baseline: flags.baseline }),
    ...(flags.ignore === undefined ? {} : { ignore: flags.ignore }),
  });
  return { config, output: createOutput({ quiet: flags.quiet || flags.json }), json: flags.json === true, cwd };
}
