import type { RuleDefinition } from '../../rules/types.ts';

export const diffSuccessStatusRemoved: RuleDefinition = {
  id: 'diff/success-status-removed',
  stage: 'diff',
  severity: 'error',
  title: 'Success status removed',
  why: 'A 2xx status the endpoint documented is no longer documented: clients written against that status (its body type, its code path, their mocks and contracts) now meet a status or a body they were not built for. Removing an error status is reported separately and is not breaking.',
  catalogueCase: 'D7SMS `Send Viber Message` documents 200, 401 and 402; a version that drops 200 would leave every client without a documented success.',
  oasdiff: [{ id: 'response-success-status-removed', level: 'ERR' }],
};
