import type { RuleDefinition } from '../../../rules/types.ts';
import { propertyGeneratedInvalid } from './generated-invalid.ts';
import { propertyMutationAccepted } from './mutation-accepted.ts';
import { propertyUnsatisfiable } from './unsatisfiable.ts';
import { propertyUnsupported } from './unsupported.ts';

export { propertyGeneratedInvalid, propertyMutationAccepted, propertyUnsatisfiable, propertyUnsupported };

/** The property rules, for src/rules/registry.ts. */
export const PROPERTY_RULES: readonly RuleDefinition[] = [propertyGeneratedInvalid, propertyMutationAccepted, propertyUnsatisfiable, propertyUnsupported];
