import type { RuleDefinition } from '../../rules/types.ts';

export const diffBodyTypeChanged: RuleDefinition = {
  id: 'diff/body-type-changed',
  stage: 'diff',
  severity: 'error',
  title: "Response body changed type",
  why: "The body as a whole is now another type: an object became an array, a list became a scalar, a string became an object. Every client that parses the body breaks, whatever field it reads; this is the most disruptive change a response can make short of removing it.",
  catalogueCase: "A catalogue row whose example is wrapped in a list (`[{…}]`) in a new dataset version, as RapidAPI examples of paginated endpoints sometimes are, turns the inferred body from `object` into `array`.",
  oasdiff: [{ id: "response-body-type-changed", level: 'ERR' }],
};
