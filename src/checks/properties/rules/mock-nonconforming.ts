import type { RuleDefinition } from '../../../rules/types.ts';

export const propertyMockNonconforming: RuleDefinition = {
  id: 'property/mock-nonconforming',
  stage: 'property',
  severity: 'error',
  title: 'The mock provider answers a body its own schema rejects',
  why:
    'With `Prefer: dynamic=true` the mock provider (`apiconform serve`, and `verify` without a provider) ' +
    'answers bodies generated from the schema, so consumers can test against data they did not write. ' +
    'The property check draws those bodies the way the mock does and judges them with the validator ' +
    'that judges real responses; a body it rejects means consumer tests run against data the real API ' +
    'may never send. The finding carries the seed and the shrunk body.',
  catalogueCase:
    'No bundled row triggers it. It guards the mock against schemas whose keywords its generator and ' +
    'the validator read differently (a `multipleOf: 0.01` price that ajv checks in floating point).',
};
