import type { RuleDefinition } from '../../rules/types.ts';

export const driftUnchecked: RuleDefinition = {
  id: 'drift/unchecked',
  stage: 'drift',
  severity: 'error',
  title: 'Live answer could not be checked',
  why: 'Checking one answer failed, for instance a body nested thousands of levels deep that the validator cannot walk. The endpoint is reported instead of ending the run, so the other endpoints\' results are kept; its answer is unknown, which a gate must not treat as clean.',
  catalogueCase: 'A provider answering 10 KB of nested `[` against a schema that refers to itself.',
};
