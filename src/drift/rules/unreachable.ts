import type { RuleDefinition } from '../../rules/types.ts';

export const driftUnreachable: RuleDefinition = {
  id: 'drift/unreachable',
  stage: 'drift',
  severity: 'error',
  title: 'Live endpoint unreachable',
  why: 'The call failed before any answer: DNS, connection refused or reset, TLS. Retried as configured; reported with the network error so a broken binding (wrong base URL) is told apart from an API that is down.',
  catalogueCase: 'A bindings file with a mistyped `baseUrl` for D7SMS, or a provider that is down during the nightly run.',
};
