import type { RuleDefinition } from './types.ts';

export const exampleEmptyPlaceholder: RuleDefinition = {
  id: 'example/empty-placeholder',
  stage: 'lint',
  severity: 'warning',
  title: 'Empty string where the schema declares a format',
  why:
    'An example that leaves `""` where the schema declares `format: date-time`, `date`, `uuid`, ' +
    '`email`, `uri`… was filled in with a placeholder, not copied from a real response. It fails ' +
    'its own schema, teaches readers nothing about the value, and mocks built from it serve a value ' +
    'no client can parse. Either the example needs a real value, or — if the API really sends an ' +
    'empty string or omits the field — the schema must say so.',
  catalogueCase:
    'Enode API, 11 places in 4 examples: `changedAt` in getScheduleStatus, `lastSeen` in getVehicles ' +
    'and getVehiclesVehicleid (`format: date`), and `updatedAt`, `stateChangedAt` and six `plan` ' +
    'timestamps in getVehiclesVehicleidSmartchargingstatus (`format: date-time`) are all `""`.',
};
