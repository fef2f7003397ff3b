export { loadConfigFile, checkConfig, resolveConfig, CONFIG_FILES, DEFAULTS, type ConfigFile, type ResolvedConfig, type ReportFormat, type FailOn, type RuleSetting } from './config.ts';
export { CONFIG_SCHEMA } from './schema.ts';
export { gradeFindings } from './grade.ts';
