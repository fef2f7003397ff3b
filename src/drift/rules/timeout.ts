import type { RuleDefinition } from '../../rules/types.ts';

export const driftTimeout: RuleDefinition = {
  id: 'drift/timeout',
  stage: 'drift',
  severity: 'error',
  title: 'Live call timed out',
  why: 'No complete answer arrived within `timeoutMs`, after the configured retries. A client with a similar deadline fails the same way; a drift run must report it rather than hang.',
  catalogueCase: 'A provider that accepts the connection and never answers; the mock\'s `delay` mutation longer than the timeout reproduces it.',
};
