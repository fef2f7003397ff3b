import type { RuleDefinition } from '../../rules/types.ts';

export const diffTypeChanged: RuleDefinition = {
  id: 'diff/type-changed',
  stage: 'diff',
  severity: 'error',
  title: "Response value changed type",
  why: "A value inside the body is now of another type than any it had (string → integer, object → string). A client that reads the old type misreads or crashes; generated TypeScript types change under it.",
  catalogueCase: "genson infers each catalogue schema from one example, so an example that carries `\"count\": \"3\"` in one version and `\"count\": 3` in the next changes the type of `count` from string to integer.",
  oasdiff: [{ id: "response-property-type-changed", level: 'ERR' }],
};
