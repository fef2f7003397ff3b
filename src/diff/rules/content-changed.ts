import type { RuleDefinition } from '../../rules/types.ts';

export const diffContentChanged: RuleDefinition = {
  id: 'diff/content-changed',
  stage: 'diff',
  severity: 'error',
  title: "Response content encoding, media type or schema changed",
  why: "A string's declared content (`contentMediaType`, `contentEncoding`, `contentSchema`) changed or is gone. A client that decodes it (base64 → JSON) the old way breaks.",
  catalogueCase: "An embedded JSON document typed `contentMediaType: application/json` with a `contentSchema` that a later version drops.",
  oasdiff: [{ id: "response-property-content-media-type-changed", level: 'ERR' }, { id: "response-body-content-media-type-changed", level: 'ERR' }, { id: "response-property-content-encoding-changed", level: 'ERR' }, { id: "response-body-content-encoding-changed", level: 'ERR' }, { id: "response-property-content-schema-removed", level: 'ERR' }, { id: "response-body-content-schema-removed", level: 'ERR' }],
};
