import type { RuleDefinition } from '../../rules/types.ts';

export const diffFormatWidened: RuleDefinition = {
  id: 'diff/format-widened',
  stage: 'diff',
  severity: 'error',
  title: "Response format widened or dropped",
  why: "A string or number format is gone or replaced by a wider one (`int32` → `int64`, `uri` → `uri-reference`). Values the old format refused can now arrive: a client that parses an `int32` into a 32-bit integer or a `uri` as absolute breaks. oasdiff reports format changes as type changes (ERR).",
  catalogueCase: "Enode `isoTimestamp` fields typed `format: date-time` in the catalogue; a version inferred from an example with a free-text date drops the format.",
  oasdiff: [{ id: "response-property-type-generalized", level: 'ERR' }, { id: "response-body-type-generalized", level: 'ERR' }],
};
