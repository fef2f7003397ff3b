import type { RuleDefinition } from './types.ts';
import { catalogueInvalidRow } from './catalogue-invalid-row.ts';
import { schemaInvalid } from './schema-invalid.ts';
import { schemaNormalised } from './schema-normalised.ts';

/** Every rule apiconform knows, by id. Add a rule: one file in this folder, one line here. */
export const RULES: readonly RuleDefinition[] = [catalogueInvalidRow, schemaInvalid, schemaNormalised];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): RuleDefinition | undefined {
  return byId.get(id);
}
