import { HTTP_STATUS } from './http-status.ts';
import { words } from './text.ts';

/** What an example's label says about its status. */
export interface LabelReading {
  /** The status the label names, by number ("Error 404") or reason phrase ("Not Found"). */
  names?: { status: number; phrase: string };
  /** The outcome the label states without naming a status: "Success", "Error", "Failed". */
  outcome?: 'success' | 'error';
}

/**
 * Reason phrases a label can name a status by, beyond the registry's own spelling. Only phrases
 * that name one status unambiguously are listed (not "Found", "Gone", "Accepted": too common in
 * ordinary labels such as "Certificate found").
 */
const PHRASES: ReadonlyArray<[RegExp, number]> = [
  [/\bbad request\b/, 400],
  [/\bunauthori[sz]ed\b/, 401],
  [/\bpayment required\b/, 402],
  [/\bforbidden\b/, 403],
  [/\bnot found\b/, 404],
  [/\bmethod not allowed\b/, 405],
  [/\bnot acceptable\b/, 406],
  [/\brequest time ?out\b/, 408],
  [/\bconflict\b/, 409],
  [/\bprecondition failed\b/, 412],
  [/\b(payload|content|request entity) too large\b/, 413],
  [/\bunsupported media type\b/, 415],
  [/\bunprocessable (entity|content)\b/, 422],
  [/\btoo many requests\b/, 429],
  [/\binternal server error\b/, 500],
  [/\bnot implemented\b/, 501],
  [/\bbad gateway\b/, 502],
  [/\bservice unavailable\b/, 503],
  [/\bgateway time ?out\b/, 504],
  [/\bno content\b/, 204],
  [/\bpartial content\b/, 206],
  [/\bmoved permanently\b/, 301],
  [/\bnot modified\b/, 304],
];

const SUCCESS = /^(ok|success|successful|succeeded|success response|successful response|successful operation|ok response)$/;
const ERROR = /^(error|errors|error response|failed|fail|failure|exception|error example)$/;

export function readLabel(label: string | null): LabelReading {
  if (!label) return {};
  const text = words(label);
  const reading: LabelReading = {};
  // a number names a status only at the start ("404 Not Found") or after error/status/code/http/response
  const number = /(?:^|\b(?:error|status|code|http|response) )([1-5]\d\d)\b/.exec(text);
  if (number && HTTP_STATUS.has(Number(number[1]))) {
    reading.names = { status: Number(number[1]), phrase: number[1]! };
  } else {
    for (const [pattern, status] of PHRASES) {
      const match = pattern.exec(text);
      if (match) {
        reading.names = { status, phrase: match[0] };
        break;
      }
    }
  }
  if (SUCCESS.test(text)) reading.outcome = 'success';
  else if (ERROR.test(text)) reading.outcome = 'error';
  return reading;
}
