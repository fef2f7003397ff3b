import type { RuleDefinition } from '../../rules/types.ts';

export const diffEndpointAdded: RuleDefinition = {
  id: 'diff/endpoint-added',
  stage: 'diff',
  severity: 'info',
  title: 'Endpoint added',
  why: 'A new endpoint is additive: no existing client breaks, and the gate never fails on it. It is listed so a reviewer sees the whole change, and because a new endpoint is also new surface: its schemas, types and contracts appear in generated/ and contracts/ with the next build.',
  catalogueCase: 'Every endpoint of the synthetic catalogue that is not in the bundled one appears this way when the two are compared.',
  oasdiff: [{ id: 'endpoint-added', level: 'INFO' }],
};
