import type { RuleDefinition } from '../../rules/types.ts';

export const diffConstRemoved: RuleDefinition = {
  id: 'diff/const-removed',
  stage: 'diff',
  severity: 'error',
  title: "Response constant removed",
  why: "A value that was always one constant may now be anything of its type. A client that relied on the constant (to discriminate shapes, to check a version) breaks on the first other value.",
  catalogueCase: "A `const` discriminator on an error envelope (`\"success\": false`) that a later schema leaves as a plain boolean.",
  oasdiff: [{ id: "response-property-const-removed", level: 'ERR' }, { id: "response-body-const-removed", level: 'ERR' }],
};
