export type { RuleDefinition, RuleStage, FindingDraft, OasdiffCheck } from './types.ts';
export { RULES, ruleById } from './registry.ts';
