import type { RuleDefinition } from '../../rules/types.ts';

export const driftNonJsonBody: RuleDefinition = {
  id: 'drift/non-json-body',
  stage: 'drift',
  severity: 'error',
  title: 'Live answer is not JSON',
  why: 'The endpoint documents a JSON body but answered something that does not parse: an HTML error page from a gateway, plain text, a truncated body. Every client that parses JSON fails on it.',
  catalogueCase: 'A 502 from a proxy in front of the API answers with an HTML page; the mock\'s `non-json` mutation reproduces it.',
};
