import type { RuleDefinition } from '../../rules/types.ts';

export const diffBecameNullable: RuleDefinition = {
  id: 'diff/became-nullable',
  stage: 'diff',
  severity: 'error',
  title: "Response value became nullable",
  why: "A value that was never null may now be null. Code that reads it without a null check (and generated TypeScript, where `T` turns into `T | null`) breaks on the responses that carry null. Reported apart from other type changes because it is the most common one and the easiest to miss in review.",
  catalogueCase: "A catalogue example with `\"scheduled_for\": null` next to one with a date makes genson type the field `[\"string\",\"null\"]` where it was `string`.",
  oasdiff: [{ id: "response-property-became-nullable", level: 'ERR' }, { id: "response-body-became-nullable", level: 'ERR' }],
};
