import { mapJson } from './json-depth.ts';

/**
 * Secrets come from the environment through bindings headers. They are sent to the provider and
 * nowhere else; as a second line of defence, every text that leaves verification or drift (findings, log
 * lines, error messages) passes through a redactor that blanks them out, in case a provider
 * echoes a header back in a body that ends up as evidence.
 *
 * A provider may echo a secret in another form than it was sent, and a text may have been cut
 * through the middle of one, so the redactor blanks out, for each secret:
 * - the secret as it is, JSON-escaped (`\"`, `\\`, `\/`), JSON-pointer-escaped (`~0`, `~1`: an
 *   object key in a pointer) and URL-encoded (`%2F`, or `+` for a space);
 * - base64 (standard and URL-safe, padding optional) of the secret and of `Bearer <secret>`;
 * - any fragment of FRAGMENT_LENGTH characters of it, which is what is left of a secret in text
 *   that was cut (an excerpt, a message cut at 60 characters).
 * Redact before cutting: a cut that leaves fewer than FRAGMENT_LENGTH characters of a secret
 * cannot be recognised afterwards.
 */
export type Redact = (text: string) => string;

export const REDACTED = '[redacted]';

/** Characters of a secret that, found anywhere, count as the secret. */
export const FRAGMENT_LENGTH = 12;

/** The redactor when there is no secret: changes nothing (callers may skip work for it). */
export const NO_REDACTION: Redact = (text) => text;

export function redactor(secrets: Iterable<string>): Redact {
  const forms = new Set<string>();
  for (const secret of new Set(secrets)) {
    if (secret.length === 0) continue;
    for (const form of encodedForms(secret)) forms.add(form);
    for (let at = 0; at + FRAGMENT_LENGTH <= secret.length; at++) forms.add(secret.slice(at, at + FRAGMENT_LENGTH));
  }
  if (forms.size === 0) return NO_REDACTION;
  // longest first, so that a whole form wins over a fragment of it
  const pattern = new RegExp([...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  return (text) => (text.length === 0 ? text : text.replace(pattern, REDACTED));
}

/** The forms of one secret a provider or a report may show instead of the secret itself. */
export function encodedForms(secret: string): string[] {
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
    secret.replace(/~/g, '~0').replace(/\//g, '~1'),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
  ];
  for (const text of [secret, `Bearer ${secret}`]) {
    const base64 = Buffer.from(text, 'utf8').toString('base64');
    const url = base64.replace(/\+/g, '-').replace(/\//g, '_');
    forms.push(base64, base64.replace(/=+$/, ''), url, url.replace(/=+$/, ''));
  }
  return [...new Set(forms)].filter((form) => form.length > 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Redacts every string inside a JSON-like value (keys included), at any depth. */
export function redactValue<T>(value: T, redact: Redact): T {
  return mapJson(value, { string: redact, key: redact });
}
