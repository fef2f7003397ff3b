import type { RuleDefinition } from '../../rules/types.ts';

export const diffEndpointRemoved: RuleDefinition = {
  id: 'diff/endpoint-removed',
  stage: 'diff',
  severity: 'error',
  title: 'Endpoint removed',
  why: 'An endpoint that existed in the old catalogue is gone from the new one. Every client that calls it breaks: this is the change a breaking-change gate exists for. Endpoints are matched by their uuid, so a rename is not a removal.',
  catalogueCase: 'Removing a row group from `data/catalogue.csv` — e.g. D7SMS `NumLookup` (endpoint `4b1a2551-…/…`) — makes the next catalogue version lose that endpoint; the seed has 76 endpoints whose ids a later dataset version must keep.',
  oasdiff: [{ id: 'api-removed-without-deprecation', level: 'ERR' }],
};
