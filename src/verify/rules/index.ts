import type { RuleDefinition } from '../../rules/types.ts';
import { contractBodyMismatch } from './body-mismatch.ts';
import { contractMissingField } from './missing-field.ts';
import { contractMissingOptionalField } from './missing-optional-field.ts';
import { contractStatusMismatch } from './status-mismatch.ts';
import { contractTimeout } from './timeout.ts';
import { contractTypeMismatch } from './type-mismatch.ts';
import { contractUnexpectedField } from './unexpected-field.ts';
import { contractUnexpectedNonJson } from './unexpected-non-json.ts';
import { contractUnreachable } from './unreachable.ts';
import { contractUnservableStatus } from './unservable-status.ts';
import { contractWeakMatcher } from './weak-matcher.ts';

/** The `contract/*` rules (contracts + verify); the rule registry lists them with the others. */
export const CONTRACT_RULES: readonly RuleDefinition[] = [
  contractStatusMismatch,
  contractMissingField,
  contractMissingOptionalField,
  contractTypeMismatch,
  contractBodyMismatch,
  contractUnexpectedNonJson,
  contractUnexpectedField,
  contractTimeout,
  contractUnreachable,
  contractWeakMatcher,
  contractUnservableStatus,
];

export type ContractRuleId =
  | 'contract/status-mismatch'
  | 'contract/missing-field'
  | 'contract/missing-optional-field'
  | 'contract/type-mismatch'
  | 'contract/body-mismatch'
  | 'contract/unexpected-non-json'
  | 'contract/unexpected-field'
  | 'contract/timeout'
  | 'contract/unreachable'
  | 'contract/weak-matcher'
  | 'contract/unservable-status';

const byId = new Map(CONTRACT_RULES.map((rule) => [rule.id, rule]));

/** Default severity of a contract rule (config re-grades findings later, in one place). */
export function contractSeverity(id: ContractRuleId) {
  return byId.get(id)!.severity;
}

export {
  contractBodyMismatch,
  contractMissingField,
  contractMissingOptionalField,
  contractStatusMismatch,
  contractTimeout,
  contractTypeMismatch,
  contractUnexpectedField,
  contractUnexpectedNonJson,
  contractUnreachable,
  contractUnservableStatus,
  contractWeakMatcher,
};
