import type { RuleDefinition } from '../../rules/types.ts';

export const contractUnexpectedNonJson: RuleDefinition = {
  id: 'contract/unexpected-non-json',
  stage: 'contract',
  severity: 'error',
  title: 'The provider answered with a body that is not JSON',
  why:
    'Every catalogue response is JSON; an HTML error page from a gateway or a plain-text message ' +
    'makes the consumer\'s JSON parser throw before any status handling runs.',
  catalogueCase:
    'RapidAPI-hosted providers sit behind gateways that answer HTML error pages on outages, with ' +
    'the same status the API would use.',
};
