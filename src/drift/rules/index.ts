import type { RuleDefinition } from '../../rules/types.ts';
import { driftUndocumentedStatus } from './undocumented-status.ts';
import { driftMissingRequiredField } from './missing-required-field.ts';
import { driftTypeChanged } from './type-changed.ts';
import { driftEnumValue } from './enum-value.ts';
import { driftFormat } from './format.ts';
import { driftConstraintViolated } from './constraint-violated.ts';
import { driftNewField } from './new-field.ts';
import { driftNonJsonBody } from './non-json-body.ts';
import { driftTimeout } from './timeout.ts';
import { driftUnreachable } from './unreachable.ts';
import { driftInvalidEncoding } from './invalid-encoding.ts';
import { driftUnchecked } from './unchecked.ts';

/** The `drift/*` rules (live answers against the catalogue). */
export const DRIFT_RULES: readonly RuleDefinition[] = [
  driftUndocumentedStatus,
  driftMissingRequiredField,
  driftTypeChanged,
  driftEnumValue,
  driftFormat,
  driftConstraintViolated,
  driftNewField,
  driftNonJsonBody,
  driftInvalidEncoding,
  driftTimeout,
  driftUnreachable,
  driftUnchecked,
];
