import type { RuleDefinition } from './types.ts';

export const catalogueDuplicateExample: RuleDefinition = {
  id: 'catalogue/duplicate-example',
  stage: 'lint',
  severity: 'info',
  title: 'The same example body appears twice for one endpoint',
  why:
    'Two rows of one endpoint with equal bodies either repeat each other under the same status ' +
    '(redundant: one more mock response and contract interaction that tests nothing new) or document ' +
    'the same body as a success and as an error (contradictory: a client cannot tell the outcome by ' +
    'the body, and one of the two statuses is probably wrong). Two errors sharing a generic body ' +
    '(`{"success": false}` for 401 and 404) are not reported. Bodies are compared as JSON, so key ' +
    'order and whitespace do not hide a repeat.',
  catalogueCase:
    'The sample has no exact repeat; sms77io `Create Webhook` shows the neighbouring case — two `200` ' +
    'examples that differ only by an `id` — and an export that crawls an endpoint twice, or a ' +
    'catalogue merged from two sources, repeats rows exactly.',
};
