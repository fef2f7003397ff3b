import type { RuleDefinition } from '../../rules/types.ts';

export const diffErrorStatusRemoved: RuleDefinition = {
  id: 'diff/error-status-removed',
  stage: 'diff',
  severity: 'info',
  title: 'Error status removed',
  why: 'A documented non-2xx status is gone. Clients that handled it keep working (the branch is just never taken), so this is reported for review, not as breaking.',
  catalogueCase: 'D7SMS documents `402 Validation Error`; a version that moves validation errors to 422 removes the 402 (and adds a 422).',
  oasdiff: [{ id: 'response-non-success-status-removed', level: 'INFO' }],
};
