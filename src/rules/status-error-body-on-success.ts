import type { RuleDefinition } from './types.ts';

export const statusErrorBodyOnSuccess: RuleDefinition = {
  id: 'status/error-body-on-success',
  stage: 'lint',
  severity: 'warning',
  title: 'A 2xx response whose label or body is an error',
  why:
    'A `2xx` tells every HTTP client, proxy, cache and monitoring tool that the request succeeded. ' +
    'An error delivered with `200` is cached, counted as success and handed to code that expects ' +
    'the success shape; only callers who parse the body and know this API\'s private convention ' +
    '(`success: false`, `status: "error"`, a non-empty `error`) notice. Either the API should answer ' +
    'with a `4xx`/`5xx`, or the example is filed under the wrong status.',
  catalogueCase:
    'sms77io `Create Webhook` documents two `200` examples: one labelled "Error" with body ' +
    '`{"success": false}`, and one labelled "Success" whose body also says `"success": false`.',
};
