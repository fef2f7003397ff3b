import type { RuleDefinition } from './types.ts';

export const acceptExpiredEntry: RuleDefinition = {
  id: 'accept/expired-entry',
  stage: 'accept',
  severity: 'warning',
  title: 'Ignore-file entry expired',
  why: 'An entry of `apiconform.ignore.yaml` has an `expires` date that has passed. From that day it accepts nothing: the findings it covered count again for `--fail-on`, and this warning says why the build changed. Renew it with a new reason, or fix the findings.',
  catalogueCase: 'The 18 Enode examples that break their own schemas, accepted with `expires: 2026-03-31` while the provider fixes them, fail the build again on 1 April.',
};
