import type { RuleDefinition } from '../../rules/types.ts';

export const diffFormatNarrowed: RuleDefinition = {
  id: 'diff/format-narrowed',
  stage: 'diff',
  severity: 'info',
  title: "Response format narrowed or added",
  why: "A value now has a format, or a narrower one (`int64` → `int32`): the response promises more. No client breaks; listed for review. oasdiff reports a narrower format as a specialised type (INFO).",
  catalogueCase: "genson infers each catalogue schema from one example, so an example value that looks like a date-time gains `format: date-time` in the normalised schema.",
  oasdiff: [{ id: "response-property-type-specialized", level: 'INFO' }, { id: "response-body-type-specialized", level: 'INFO' }],
};
