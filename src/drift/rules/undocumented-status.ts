import type { RuleDefinition } from '../../rules/types.ts';

export const driftUndocumentedStatus: RuleDefinition = {
  id: 'drift/undocumented-status',
  stage: 'drift',
  severity: 'error',
  title: 'Live answer has an undocumented status',
  why: 'The endpoint answered with a status the catalogue does not document for it. Clients and generated types know only the documented statuses, and the body of this one has no schema to check against: either the API changed (a new error code, a 200 turned 201) or the catalogue is incomplete.',
  catalogueCase: 'D7SMS documents `402` for validation errors; an API that moves them to `422` answers a status the catalogue has never seen. The mock provider\'s `status` mutation reproduces it.',
};
