import type { RuleDefinition } from '../../rules/types.ts';

export const diffDeprecatedRemoved: RuleDefinition = {
  id: 'diff/deprecated-removed',
  stage: 'diff',
  severity: 'warning',
  title: "Deprecated endpoint, status or property removed",
  why: "Something the old version marked `deprecated: true` (a property, a 2xx status body, or every status of an endpoint) is gone. Clients were told it would go, so the removal is a warning instead of the error it would be without the notice: deprecate first, remove in a later version.",
  catalogueCase: "An endpoint whose body schemas carry `deprecated: true` in one catalogue version and whose rows are gone from the next is reported here instead of as `diff/endpoint-removed`.",
  oasdiff: [{ id: 'api-removed-with-deprecation', level: 'INFO' }],
};
