import type { LintRule } from '../types.ts';
import { catalogueDuplicateExampleRule } from './catalogue-duplicate-example.ts';
import { endpointNoSuccessResponseRule } from './endpoint-no-success-response.ts';
import { errorEnvelopeInconsistentRule } from './error-envelope-inconsistent.ts';
import { exampleEmptyPlaceholderRule } from './example-empty-placeholder.ts';
import { exampleStringSpreadAsObjectRule } from './example-string-spread-as-object.ts';
import { schemaInvalidRule } from './schema-invalid.ts';
import { schemaOverfittedRule } from './schema-overfitted.ts';
import { statusErrorBodyOnSuccessRule } from './status-error-body-on-success.ts';
import { statusInconsistentWithinApiRule } from './status-inconsistent-within-api.ts';
import { statusNonStandardRule } from './status-non-standard.ts';
import { statusValidationErrorNot422Rule } from './status-validation-error-not-422.ts';
import { summaryStatusMismatchRule } from './summary-status-mismatch.ts';

/** Every lint rule, by id. Add one: its definition in src/rules/, its check in this folder, a line here. */
export const LINT_RULES: readonly LintRule[] = [
  catalogueDuplicateExampleRule,
  endpointNoSuccessResponseRule,
  errorEnvelopeInconsistentRule,
  exampleEmptyPlaceholderRule,
  exampleStringSpreadAsObjectRule,
  schemaInvalidRule,
  schemaOverfittedRule,
  statusErrorBodyOnSuccessRule,
  statusInconsistentWithinApiRule,
  statusNonStandardRule,
  statusValidationErrorNot422Rule,
  summaryStatusMismatchRule,
];
