export { checkProperties, targetSeed, type PropertyCheckOptions, type PropertyTarget } from './check.ts';
export { checkResponseTarget, responseSeed, type ResponseTarget, type TargetOutcome, type ContractOutcome, type ResponseCheckOptions } from './response-check.ts';
export { planResponseTargets, responseFindings, type PlannedTarget, type ResponseUse, type MatchersOf } from './responses.ts';
export { DRIFT_KINDS, DRIFT_KIND_LABEL, sitesOf, mutateAt, type DriftKind, type DriftMutation } from './drift-mutations.ts';
export {
  PROPERTY_RULES,
  propertyContractBlindSpot,
  propertyContractTooStrict,
  propertyDriftBlind,
  propertyGeneratedInvalid,
  propertyMockNonconforming,
  propertyMutationAccepted,
  propertyUnsatisfiable,
  propertyUnsupported,
} from './rules/index.ts';
export { checkPropertiesInWorkers, checkResponsesInWorkers, type PropertyRunOptions } from './parallel.ts';
