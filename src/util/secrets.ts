/**
 * Secrets come from the environment through bindings headers. They are sent to the provider and
 * nowhere else; as a second line of defence, every text that leaves verification or drift (findings, log
 * lines, error messages) passes through a redactor that blanks them out, in case a provider
 * echoes a header back in a body that ends up as evidence.
 */
export type Redact = (text: string) => string;

export const REDACTED = '[redacted]';

export function redactor(secrets: Iterable<string>): Redact {
  const list = [...new Set([...secrets].filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const secret of list) out = out.split(secret).join(REDACTED);
    return out;
  };
}

/** Redacts every string inside a JSON-like value (keys included). */
export function redactValue<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactValue(v, redact)])) as T;
  }
  return value;
}
