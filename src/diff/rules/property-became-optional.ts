import type { RuleDefinition } from '../../rules/types.ts';

export const diffPropertyBecameOptional: RuleDefinition = {
  id: 'diff/property-became-optional',
  stage: 'diff',
  severity: 'error',
  title: "Required response property became optional",
  why: "A property every response had may now be missing. Code that reads it without a check (and generated TypeScript, where it turns from `T` into `T | undefined`) breaks on the responses that omit it, so this is as breaking as removing it for those responses.",
  catalogueCase: "genson marks every property of its one example as required; a version inferred from two examples where one omits `request_id` makes it optional.",
  oasdiff: [{ id: "response-property-became-optional", level: 'ERR' }],
};
