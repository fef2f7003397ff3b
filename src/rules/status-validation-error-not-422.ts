import type { RuleDefinition } from './types.ts';

export const statusValidationErrorNot422: RuleDefinition = {
  id: 'status/validation-error-not-422',
  stage: 'lint',
  severity: 'warning',
  title: 'Validation error answered with a status other than 400/422',
  why:
    'A request the server rejects because its input is invalid is a client error that the client ' +
    'can fix: HTTP says `422 Unprocessable Content` (or `400 Bad Request`). Clients, SDK generators ' +
    'and retry logic branch on the status, not the body: a validation error sent as `402 Payment ' +
    'Required` makes a client ask the user to pay, and one sent as `5xx` makes it retry a request ' +
    'that can never succeed. The rule recognises validation bodies (FastAPI/pydantic ' +
    '`detail[].loc/msg/type`, Laravel `message` + `errors{field: [..]}`, express-validator ' +
    '`errors[].msg/param`, RFC 7807 `invalid-params`) and labels such as "Validation Error".',
  catalogueCase:
    'D7SMS `Send Viber Message` and `NumLookup`, and D7 Number Validator `Validate Number`, document ' +
    'FastAPI validation errors (`{"detail": [{"loc": [...], "msg": ..., "type": ...}]}`, labelled ' +
    '"Validation Error") under `402`, while five other D7SMS endpoints answer the same body with `422`.',
};
