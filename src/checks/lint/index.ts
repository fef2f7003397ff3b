export { lint, type LintOptions } from './lint.ts';
export { LintContext, type DraftFields, type ExampleReading } from './context.ts';
export { LINT_RULES } from './rules/index.ts';
export type { LintRule } from './types.ts';
