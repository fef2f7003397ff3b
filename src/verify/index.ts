export { verifyContracts, formatProxyLog, DEFAULT_TIMEOUT_MS, type VerifyOptions, type VerifyResult } from './verify.ts';
export { verificationOutcome, pactPathToPointer, isRequired, type InteractionVerdict, type Verdict, type VerificationOutcome } from './mismatches.ts';
export { unexpectedFields } from './unexpected-fields.ts';
export { redactor, redactValue, REDACTED, type Redact } from '../util/secrets.ts';
export { CONTRACT_RULES, contractSeverity, type ContractRuleId } from './rules/index.ts';
