import type { RuleDefinition } from '../../rules/types.ts';

export const diffReadWriteOnlyChanged: RuleDefinition = {
  id: 'diff/read-write-only-changed',
  stage: 'diff',
  severity: 'info',
  title: "Response readOnly/writeOnly changed",
  why: "A value became (or stopped being) `readOnly` or `writeOnly`. A `writeOnly` value is not sent in responses, so a client that reads it may stop seeing it; apiconform reports the flag change for review, at oasdiff's INFO.",
  catalogueCase: "An OpenAPI-derived schema that marks a password field `writeOnly: true`.",
  oasdiff: [{ id: "response-optional-property-became-write-only", level: 'INFO' }, { id: "response-optional-property-became-not-write-only", level: 'INFO' }, { id: "response-optional-property-became-read-only", level: 'INFO' }, { id: "response-optional-property-became-not-read-only", level: 'INFO' }, { id: "response-required-property-became-write-only", level: 'INFO' }, { id: "response-required-property-became-read-only", level: 'INFO' }, { id: "response-required-property-became-not-read-only", level: 'INFO' }, { id: "response-required-property-became-not-write-only", level: 'WARN' }],
};
