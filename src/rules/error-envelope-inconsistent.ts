import type { RuleDefinition } from './types.ts';

export const errorEnvelopeInconsistent: RuleDefinition = {
  id: 'error-envelope/inconsistent',
  stage: 'lint',
  severity: 'warning',
  title: 'One API\'s error bodies use different shapes',
  why:
    'Clients parse every error of an API with one piece of code: read `detail.code`, or `error`, or ' +
    'the RFC 7807 problem fields. When some endpoints wrap their errors differently — a string where ' +
    'the others have an object, `message` where the others have `error` — that code breaks on exactly ' +
    'the errors it was meant to explain. The finding is raised on the bodies that differ from the ' +
    'shape most of the API\'s errors use. Framework-generated validation bodies (FastAPI ' +
    '`detail[].loc/msg/type` and the like) are left out: they are governed by the status rules.',
  catalogueCase:
    'D7SMS answers most errors with `{"detail": {"code": ..., "message": ...}}`, but Resend OTP\'s two ' +
    '`400` examples carry `{"detail": "Frequent resend request, …"}` — a string where clients read ' +
    '`detail.code`.',
};
