import type { RuleDefinition } from './types.ts';

export const acceptUnusedEntry: RuleDefinition = {
  id: 'accept/unused-entry',
  stage: 'accept',
  severity: 'warning',
  title: 'Ignore-file entry matches no finding',
  why: 'An entry of `apiconform.ignore.yaml` accepts a finding that no longer occurs: the change it accepted was reverted, or the problem was fixed. A stale entry would silently accept the same finding if it came back, so it is reported until it is removed.',
  catalogueCase: 'An entry that accepts `diff/required-property-removed` for D7SMS `send-viber-message` stays in the file after the release that made the removal; the next pull request reports it.',
};
