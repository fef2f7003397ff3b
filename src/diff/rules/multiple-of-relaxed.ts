import type { RuleDefinition } from '../../rules/types.ts';

export const diffMultipleOfRelaxed: RuleDefinition = {
  id: 'diff/multiple-of-relaxed',
  stage: 'diff',
  severity: 'error',
  title: "Response multipleOf relaxed or dropped",
  why: "A number that was always a multiple of some step (cents, whole units) may now be any number. A client that stores it as an integer number of steps rounds or breaks. oasdiff has no check for it; the level follows the other bounds.",
  catalogueCase: "A price typed `multipleOf: 0.01` in an OpenAPI-derived schema that a later version drops.",
  oasdiff: [],
};
