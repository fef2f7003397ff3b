import type { RuleDefinition } from '../../../rules/types.ts';
import { propertyContractBlindSpot } from './contract-blind-spot.ts';
import { propertyContractTooStrict } from './contract-too-strict.ts';
import { propertyDriftBlind } from './drift-blind.ts';
import { propertyGeneratedInvalid } from './generated-invalid.ts';
import { propertyMockNonconforming } from './mock-nonconforming.ts';
import { propertyMutationAccepted } from './mutation-accepted.ts';
import { propertyUnsatisfiable } from './unsatisfiable.ts';
import { propertyUnsupported } from './unsupported.ts';

export {
  propertyContractBlindSpot,
  propertyContractTooStrict,
  propertyDriftBlind,
  propertyGeneratedInvalid,
  propertyMockNonconforming,
  propertyMutationAccepted,
  propertyUnsatisfiable,
  propertyUnsupported,
};

/** The property rules, for src/rules/registry.ts. */
export const PROPERTY_RULES: readonly RuleDefinition[] = [
  propertyMockNonconforming,
  propertyContractTooStrict,
  propertyContractBlindSpot,
  propertyDriftBlind,
  propertyUnsatisfiable,
  propertyUnsupported,
  propertyGeneratedInvalid,
  propertyMutationAccepted,
];
