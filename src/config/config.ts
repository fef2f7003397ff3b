import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import type { Severity } from '../findings/types.ts';
import { ruleById } from '../rules/index.ts';
import { configError } from '../util/errors.ts';
import { CONFIG_SCHEMA } from './schema.ts';

export type { ReportFormat } from '../reports/types.ts';
import { DEFAULT_REPORT_FORMATS, type ReportFormat } from '../reports/types.ts';
export type FailOn = Severity | 'never';
export type RuleSetting = Severity | 'off';

/** What a config file may say (all optional). */
export interface ConfigFile {
  catalogue?: string;
  generated?: string;
  contracts?: string;
  reports?: string;
  formats?: ReportFormat[];
  failOn?: FailOn;
  strict?: boolean;
  rules?: Record<string, RuleSetting>;
  validate?: { runs?: number; seed?: number; selfCheck?: boolean };
  /** Accepted findings (default `apiconform.ignore.yaml` when it exists). */
  ignore?: string;
  /** A findings.json whose findings are accepted (only new ones count). */
  baseline?: string;
}

/** Options fully resolved once: defaults < config file < flags. */
export interface ResolvedConfig {
  /** The config file read, if any. */
  file?: string;
  catalogue: string;
  generated: string;
  contracts: string;
  reports: string;
  formats: ReportFormat[];
  failOn: FailOn;
  strict: boolean;
  rules: ReadonlyMap<string, RuleSetting>;
  /** Property runs and seed; `selfCheck` adds the generator self-check (generated bodies validate, mutated ones do not). */
  validate: { runs: number; seed: number; selfCheck: boolean };
  /** The ignore file, when one is named or `apiconform.ignore.yaml` exists. */
  ignore?: string;
  baseline?: string;
}

export const CONFIG_FILES = ['apiconform.config.json', 'apiconform.config.yaml', 'apiconform.config.yml'];

export const DEFAULTS: Omit<ResolvedConfig, 'file'> = {
  catalogue: 'data/catalogue.csv',
  generated: 'generated',
  contracts: 'contracts',
  reports: 'reports',
  formats: [...DEFAULT_REPORT_FORMATS],
  failOn: 'error',
  strict: false,
  rules: new Map(),
  validate: { runs: 100, seed: 1, selfCheck: false },
};

/** Reads the config file named, or the first of CONFIG_FILES in `cwd`; undefined when there is none. */
export async function loadConfigFile(cwd: string, explicit?: string): Promise<{ file: string; config: ConfigFile } | undefined> {
  const file = explicit ? resolve(cwd, explicit) : CONFIG_FILES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
  if (!file) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw configError(`cannot read config: ${(error as Error).message}`, { file });
  }
  let value: unknown;
  try {
    value = extname(file) === '.json' ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (error) {
    throw configError(`config is not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`, { file });
  }
  return { file, config: await checkConfig(value ?? {}, file) };
}

/** Validates a config value against CONFIG_SCHEMA; every problem is named with its location. */
export async function checkConfig(value: unknown, file: string): Promise<ConfigFile> {
  const { createAjv } = await import('../validators/ajv.ts'); // loaded only when there is a config file
  const ajv = createAjv({ allErrors: true });
  const validate = ajv.compile(CONFIG_SCHEMA);
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => {
      const where = e.instancePath || '(top level)';
      if (e.keyword === 'additionalProperties') return `${where}: unknown option "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      if (e.keyword === 'enum') return `${where}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      return `${where}: ${e.message}`;
    });
    throw configError(`invalid config:\n  ${[...new Set(problems)].join('\n  ')}`, { file });
  }
  const config = value as ConfigFile;
  const unknownRules = Object.keys(config.rules ?? {}).filter((id) => !ruleById(id));
  if (unknownRules.length > 0) {
    throw configError(`invalid config: unknown rule id${unknownRules.length > 1 ? 's' : ''} ${unknownRules.join(', ')} (see docs/rules.md)`, { file });
  }
  return config;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** Defaults < config file < flags (flags that are undefined do not override). */
export function resolveConfig(
  file: { file: string; config: ConfigFile } | undefined,
  flags: Partial<Omit<ResolvedConfig, 'rules' | 'file' | 'validate'>> & { validate?: Partial<ResolvedConfig['validate']> },
): ResolvedConfig {
  const config = file?.config ?? {};
  const pick = <K extends keyof typeof DEFAULTS>(key: K, fromFile: (typeof DEFAULTS)[K] | undefined) =>
    (flags[key as keyof typeof flags] as (typeof DEFAULTS)[K] | undefined) ?? fromFile ?? DEFAULTS[key];
  return {
    ...(file ? { file: file.file } : {}),
    catalogue: pick('catalogue', config.catalogue),
    generated: pick('generated', config.generated),
    contracts: pick('contracts', config.contracts),
    reports: pick('reports', config.reports),
    formats: pick('formats', config.formats),
    failOn: pick('failOn', config.failOn),
    strict: pick('strict', config.strict),
    rules: new Map(Object.entries(config.rules ?? {})),
    validate: { ...DEFAULTS.validate, ...config.validate, ...flags.validate },
    ...optional('ignore', flags.ignore ?? config.ignore),
    ...optional('baseline', flags.baseline ?? config.baseline),
  };
}
