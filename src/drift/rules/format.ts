import type { RuleDefinition } from '../../rules/types.ts';

export const driftFormat: RuleDefinition = {
  id: 'drift/format',
  stage: 'drift',
  severity: 'warning',
  title: 'Live value breaks its format',
  why: 'A string the schema gives a `format` (date-time, email, uri, uuid…) is not one in the live answer. Clients that parse it (a date library, a URL parser, a UUID column in a database) fail on it, although its type is still right.',
  catalogueCase: 'Rows whose `created_at` is an empty string where a `date-time` is documented: the synthetic catalogue\'s `empty-date-time` breakage reproduces it.',
};
