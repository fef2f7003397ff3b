import type { RuleDefinition } from './types.ts';
import { CONTRACT_RULES } from '../verify/rules/index.ts';
import { PROPERTY_RULES } from '../checks/properties/rules/index.ts';
import { DIFF_RULES } from '../diff/rules/index.ts';
import { DRIFT_RULES } from '../drift/rules/index.ts';
import { acceptExpiredEntry } from './accept-expired-entry.ts';
import { acceptUnusedEntry } from './accept-unused-entry.ts';
import { catalogueDuplicateExample } from './catalogue-duplicate-example.ts';
import { catalogueInvalidRow } from './catalogue-invalid-row.ts';
import { endpointNoSuccessResponse } from './endpoint-no-success-response.ts';
import { errorEnvelopeInconsistent } from './error-envelope-inconsistent.ts';
import { exampleEmptyPlaceholder } from './example-empty-placeholder.ts';
import { exampleStringSpreadAsObject } from './example-string-spread-as-object.ts';
import { exampleViolatesSchema } from './example-violates-schema.ts';
import { schemaInvalid } from './schema-invalid.ts';
import { schemaNormalised } from './schema-normalised.ts';
import { schemaOverfitted } from './schema-overfitted.ts';
import { statusErrorBodyOnSuccess } from './status-error-body-on-success.ts';
import { statusInconsistentWithinApi } from './status-inconsistent-within-api.ts';
import { statusNonStandard } from './status-non-standard.ts';
import { statusValidationErrorNot422 } from './status-validation-error-not-422.ts';
import { summaryStatusMismatch } from './summary-status-mismatch.ts';

/**
 * Every rule apiconform knows, sorted by id. Add a rule: one file in this folder (or, for the
 * contract, property, diff and drift stages, in their own rules/ folder), one line here.
 */
export const RULES: readonly RuleDefinition[] = [
  ...CONTRACT_RULES,
  ...PROPERTY_RULES,
  ...DIFF_RULES,
  ...DRIFT_RULES,
  acceptExpiredEntry,
  acceptUnusedEntry,
  catalogueDuplicateExample,
  catalogueInvalidRow,
  endpointNoSuccessResponse,
  errorEnvelopeInconsistent,
  exampleEmptyPlaceholder,
  exampleStringSpreadAsObject,
  exampleViolatesSchema,
  schemaInvalid,
  schemaNormalised,
  schemaOverfitted,
  statusErrorBodyOnSuccess,
  statusInconsistentWithinApi,
  statusNonStandard,
  statusValidationErrorNot422,
  summaryStatusMismatch,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): RuleDefinition | undefined {
  return byId.get(id);
}
