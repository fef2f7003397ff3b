/**
 * Leaf values of synthetic bodies: fresh ones that fit a key's name, and variations of existing
 * ones that keep everything a schema can see — JSON type, integer-ness, string format, enum set —
 * so a varied body still matches the schema inferred from the original.
 */
import type { Random } from './random.ts';
import { COUNTRIES, ENUM_GROUPS, FIRST_NAMES, KEY_WORDS, LAST_NAMES, SENTENCE_WORDS, TLDS } from './vocabulary.ts';

export type StringKind = 'date-time' | 'date' | 'uuid' | 'email' | 'uri' | 'phone' | 'digits' | 'enum' | 'text';

const PATTERNS: readonly (readonly [StringKind, RegExp])[] = [
  // RFC 3339 only (a `T` and a zone), so a declared `format: date-time` holds for the original too.
  ['date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['email', /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i],
  ['uri', /^https?:\/\/\S+$/],
  ['phone', /^\+\d{7,15}$/],
  ['digits', /^\d{1,18}$/],
];

const ENUM_OF = new Map<string, readonly string[]>();
for (const group of ENUM_GROUPS) for (const value of group) if (!ENUM_OF.has(value)) ENUM_OF.set(value, group);

/** The closed set a string belongs to, if any (see ENUM_GROUPS). */
export function enumGroupOf(value: string): readonly string[] | undefined {
  return ENUM_OF.get(value);
}

export function stringKind(value: string): StringKind {
  if (ENUM_OF.has(value)) return 'enum';
  for (const [kind, pattern] of PATTERNS) if (pattern.test(value)) return kind;
  return 'text';
}

/** Another value a schema inferred from `value` cannot tell apart from it. */
export function varyValue(value: unknown, random: Random): unknown {
  if (value === null || typeof value === 'boolean') return typeof value === 'boolean' && random.chance(0.3) ? !value : value;
  if (typeof value === 'number') return varyNumber(value, random);
  if (typeof value === 'string') return varyString(value, random);
  if (Array.isArray(value)) return value.map((item) => varyValue(item, random));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = varyValue(item, random);
    return out;
  }
  return value;
}

function varyNumber(value: number, random: Random): number {
  if (Number.isInteger(value)) {
    const magnitude = Math.max(10, Math.abs(value));
    const next = Math.round(value + (random.next() - 0.5) * magnitude);
    return value >= 0 ? Math.abs(next) : next;
  }
  // Keep it a non-integer so genson still says "number", not "integer".
  const decimals = Math.min(6, Math.max(1, (String(value).split('.')[1] ?? '').length));
  const next = Number((value * (0.5 + random.next())).toFixed(decimals));
  return Number.isInteger(next) ? next + 0.5 : next;
}

function varyString(value: string, random: Random): string {
  const kind = stringKind(value);
  if (kind === 'text') return value.length === 0 ? value : textOfLength(value.length, random);
  if (kind === 'enum') return random.pick(ENUM_OF.get(value)!);
  if (kind === 'digits') return Array.from({ length: value.length }, () => random.int(0, 9)).join('');
  return stringOfKind(kind, random);
}

export function stringOfKind(kind: Exclude<StringKind, 'text' | 'enum' | 'digits'>, random: Random): string {
  switch (kind) {
    case 'date-time':
      return `${dateText(random)}T${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}.${random.int(100, 999)}Z`;
    case 'date':
      return dateText(random);
    case 'uuid':
      return random.uuid();
    case 'email':
      return `${random.pick(FIRST_NAMES).toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '')}.${random.int(1, 999)}@example.${random.pick(TLDS)}`;
    case 'uri':
      return `https://api.example.${random.pick(TLDS)}/${random.pick(KEY_WORDS)}/${random.hex(8)}`;
    case 'phone':
      return `+${random.int(1, 998)}${Array.from({ length: random.int(8, 10) }, () => random.int(0, 9)).join('')}`;
  }
}

/** Words up to about `length` characters (at least one word). */
export function textOfLength(length: number, random: Random): string {
  if (random.chance(0.15) && length < 30) {
    return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`; // names carry the non-ASCII (ü, é, ë)
  }
  const words: string[] = [];
  let size = 0;
  do {
    const word = random.pick(SENTENCE_WORDS);
    words.push(word);
    size += word.length + 1;
  } while (size < length);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A fresh leaf value that suits a key (`created_at` gets a date-time, `is_active` a boolean). */
export function valueForKey(key: string, random: Random): unknown {
  const k = key.toLowerCase();
  if (/(^is|^has|enabled|active|valid|verified|available|public|private)/.test(k)) return random.chance(0.5);
  if (/(date|_at$|at$|time|created|updated|expires|sunrise|sunset)/.test(k)) return stringOfKind(random.chance(0.85) ? 'date-time' : 'date', random);
  if (/(uuid|_id$|id$|token|hash|session)/.test(k)) return random.chance(0.6) ? random.uuid() : random.int(1, 9_999_999);
  if (/email/.test(k)) return stringOfKind('email', random);
  if (/(url|link|image|avatar|thumbnail|video|audio|file)/.test(k)) return stringOfKind('uri', random);
  if (/(phone|recipient|sender)/.test(k)) return stringOfKind('phone', random);
  if (/country/.test(k)) return random.pick(COUNTRIES);
  if (/(status|state|type|level|method|currency)/.test(k)) return random.pick(random.pick(ENUM_GROUPS));
  if (/(price|amount|cost|balance|rate|ratio|percent|latitude|longitude|temperature|score|rating|odds|speed|energy|power)/.test(k)) {
    return Number((random.next() * 1000).toFixed(random.int(1, 4))) + 0.01;
  }
  if (/(count|total|page|limit|offset|size|width|height|year|duration|quota|remaining|used|views|likes|followers|goals|capacity)/.test(k)) {
    return random.int(0, 100_000);
  }
  if (/(name|title|author|owner|artist|label)/.test(k)) return textOfLength(random.int(5, 24), random);
  if (/(description|message|detail|reason|comment|summary|text|lyrics)/.test(k)) return textOfLength(random.int(20, 160), random);
  return random.weighted<unknown>([
    [textOfLength(random.int(3, 40), random), 45],
    [random.int(0, 10_000), 25],
    [Number((random.next() * 100).toFixed(2)) + 0.01, 10],
    [random.chance(0.5), 10],
    [null, 10],
  ]);
}

function dateText(random: Random): string {
  return `${random.int(2000, 2025)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
