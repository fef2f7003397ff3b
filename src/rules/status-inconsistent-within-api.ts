import type { RuleDefinition } from './types.ts';

export const statusInconsistentWithinApi: RuleDefinition = {
  id: 'status/inconsistent-within-api',
  stage: 'lint',
  severity: 'warning',
  title: 'One API answers the same kind of error with different status codes',
  why:
    'Within one API, clients write one error handler per kind of failure (invalid input, missing ' +
    'credentials, unknown resource, rate limit…) keyed on the status code. When some endpoints ' +
    'answer a kind of error with one code and others with another, every handler has to know the ' +
    'exceptions endpoint by endpoint. The finding is raised on the endpoints that deviate, naming ' +
    'the code the rest of the API (or HTTP, when the API itself is split) uses for that kind.',
  catalogueCase:
    'D7SMS answers validation errors with `422` on Generate OTP, Get Message Status, Get OTP Status, ' +
    'Resend OTP and Verify OTP, but with `402` on Send Viber Message and NumLookup.',
};
