/**
 * Error bodies in the conventions APIs actually use. An API picks one convention and uses it for
 * all its errors, so its 401, 404 and 500 bodies often have the same schema — and many APIs pick
 * the same convention, so `{"message": "…"}` has one schema across the whole catalogue. Both are
 * why about a third of the dataset's schemas repeat one seen before.
 *
 * A template called again gives another example of the same shape: the same keys, and values of
 * the same types, kinds and closed sets (schemas are decorated from the first example).
 */
import type { Random } from './random.ts';
import { stringOfKind } from './values.ts';
import { ERROR_MESSAGES } from './vocabulary.ts';

export type ErrorKind =
  | 'validation' | 'unauthorized' | 'forbidden' | 'notFound' | 'badRequest' | 'server' | 'rateLimit' | 'payment' | 'conflict' | 'odd';

type Template = (kind: ErrorKind, status: number, random: Random) => unknown;

const REASONS: Record<ErrorKind, string> = {
  validation: 'Unprocessable Entity', unauthorized: 'Unauthorized', forbidden: 'Forbidden', notFound: 'Not Found',
  badRequest: 'Bad Request', server: 'Internal Server Error', rateLimit: 'Too Many Requests', payment: 'Payment Required',
  conflict: 'Conflict', odd: 'Unknown',
};

const message = (kind: ErrorKind, random: Random) => random.pick(ERROR_MESSAGES[kind]!);
const upperCode = (kind: ErrorKind) => REASONS[kind].toUpperCase().replace(/ /g, '_');

/** Weighted: the first few are by far the most common in the dataset. */
export const ERROR_TEMPLATES: readonly (readonly [Template, number])[] = [
  [(kind, _s, r) => ({ message: message(kind, r) }), 30],
  [(kind, _s, r) => ({ error: REASONS[kind], message: message(kind, r) }), 12],
  [(kind, _s, r) => ({ detail: message(kind, r) }), 8],
  [
    (kind, _s, r) =>
      kind === 'validation'
        ? { detail: [{ loc: ['body', r.pick(['recipient', 'query', 'id', 'date'])], msg: message(kind, r), type: 'value_error.missing' }] }
        : { detail: message(kind, r) },
    8,
  ],
  [(kind, status, r) => ({ timestamp: stringOfKind('date-time', r), status, error: REASONS[kind], message: message(kind, r), path: `/api/v1/${r.pick(['users', 'items', 'search', 'data'])}` }), 7],
  [(kind, status, r) => ({ type: 'about:blank', title: REASONS[kind], status, detail: message(kind, r) }), 6],
  [(kind, status, r) => ({ success: false, error: { code: status, message: message(kind, r) } }), 8],
  [(kind, _s, r) => ({ err: message(kind, r) }), 3],
  [(kind, status, r) => ({ status: 'error', code: status, errors: [{ field: r.pick(['email', 'phone', 'id', 'name']), message: message(kind, r) }] }), 6],
  [(kind, _s, r) => ({ detail: { code: upperCode(kind), message: message(kind, r) } }), 6],
  [(kind, status, r) => ({ ok: false, status, message: message(kind, r) }), 6],
];

export function pickErrorTemplate(random: Random): Template {
  return random.weighted(ERROR_TEMPLATES);
}
