import type { RuleDefinition } from '../../rules/types.ts';

export const diffMaxLengthIncreased: RuleDefinition = {
  id: 'diff/max-length-increased',
  stage: 'diff',
  severity: 'error',
  title: "Response maxLength raised or dropped",
  why: "The `maxLength` bound of a response value is looser or gone, so values outside the old range can now arrive. Clients that relied on it (fixed-size buffers and database columns) break on them; oasdiff rates this ERR.",
  catalogueCase: "An OpenAPI-derived schema with `maxLength: 11` on an SMS sender id that a later version raises.",
  oasdiff: [{ id: "response-property-max-length-increased", level: 'ERR' }, { id: "response-body-max-length-increased", level: 'ERR' }, { id: "response-property-max-length-unset", level: 'ERR' }, { id: "response-body-max-length-unset", level: 'ERR' }],
};
