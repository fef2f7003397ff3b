import type { RuleDefinition } from '../../rules/types.ts';

export const contractUnreachable: RuleDefinition = {
  id: 'contract/unreachable',
  stage: 'contract',
  severity: 'error',
  title: 'The provider could not be reached',
  why:
    'Connection refused, DNS failure or a reset connection: nothing about the contract could be ' +
    'checked. Check the base URL in the bindings (or --base-url) and that the provider is up.',
  catalogueCase: 'Any API bound to a base URL that is down or mistyped in the bindings file.',
};
