import type { RuleDefinition } from '../../rules/types.ts';

export const diffPropertyDeprecated: RuleDefinition = {
  id: 'diff/property-deprecated',
  stage: 'diff',
  severity: 'info',
  title: "Response value deprecated (or reactivated)",
  why: "A value is now marked `deprecated: true` (or no longer is). Clients keep working; the mark announces a removal, which a later version may then make with a warning instead of an error (`diff/deprecated-removed`).",
  catalogueCase: "A catalogue schema that marks a legacy field `deprecated: true` one version before the field goes.",
  oasdiff: [{ id: "response-property-deprecated", level: 'INFO' }, { id: "response-property-reactivated", level: 'INFO' }],
};
