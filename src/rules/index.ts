export type { RuleDefinition, RuleStage, FindingDraft } from './types.ts';
export { RULES, ruleById } from './registry.ts';
