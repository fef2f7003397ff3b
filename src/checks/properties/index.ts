export { checkProperties, targetSeed, type PropertyCheckOptions, type PropertyTarget } from './check.ts';
export { PROPERTY_RULES, propertyGeneratedInvalid, propertyMutationAccepted, propertyUnsatisfiable, propertyUnsupported } from './rules/index.ts';
export { checkPropertiesInWorkers, type PropertyRunOptions } from './parallel.ts';
