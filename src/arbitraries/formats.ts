import * as fc from 'fast-check';
import type { Ajv2020 } from 'ajv/dist/2020.js';

/**
 * Generators for the string formats ajv-formats asserts (its "full" mode, which is what
 * `createAjv` installs), built from their grammars so that nearly every draw passes; the string
 * builder still checks each one with the validator's own format function. Values stay plausible
 * (dates between 1970 and 2099, hosts under `example` domains) because mock responses use them.
 */
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const lowerAlnum = 'abcdefghijklmnopqrstuvwxyz0123456789';

const word = (min: number, max: number, alphabet = lowerAlnum) =>
  fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength: min, maxLength: max });

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

const date = fc
  .tuple(fc.integer({ min: 1970, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => {
    const last = m === 2 && isLeap(y) ? 29 : DAYS[m - 1]!;
    return `${y}-${pad(m, 2)}-${pad(Math.min(d, last), 2)}`;
  });

const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }))
  .map(([h, m, s, ms]) => `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${ms === undefined ? '' : '.' + pad(ms, 3)}`);

const offset = fc.oneof(
  { arbitrary: fc.constant('Z'), weight: 3 },
  { arbitrary: fc.tuple(pick('+', '-'), fc.integer({ min: 0, max: 14 }), pick(0, 30, 45)).map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`), weight: 1 },
);

const time = fc.tuple(clock, offset).map(([c, o]) => c + o);
const dateTime = fc.tuple(date, time).map(([d, t]) => `${d}T${t}`);
const isoTime = fc.tuple(clock, fc.option(offset, { nil: '' })).map(([c, o]) => c + o);
const isoDateTime = fc.tuple(date, isoTime).map(([d, t]) => `${d}T${t}`);

const duration = fc.oneof(
  fc.integer({ min: 1, max: 52 }).map((w) => `P${w}W`),
  fc
    .tuple(
      fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 11 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
    )
    .map(([y, mo, d, h, mi, s]) => {
      const datePart = (y === undefined ? '' : `${y}Y`) + (mo === undefined ? '' : `${mo}M`) + (d === undefined ? '' : `${d}D`);
      const timePart = (h === undefined ? '' : `${h}H`) + (mi === undefined ? '' : `${mi}M`) + (s === undefined ? '' : `${s}S`);
      if (datePart === '' && timePart === '') return 'P1D';
      return `P${datePart}${timePart === '' ? '' : 'T' + timePart}`;
    }),
);

const label = fc
  .tuple(word(1, 1, 'abcdefghijklmnopqrstuvwxyz'), word(0, 8, lowerAlnum + '-'), word(0, 1))
  .map(([a, b, c]) => {
    const text = a + b + c;
    return text.endsWith('-') ? text + 'x' : text;
  });
const tld = pick('com', 'org', 'net', 'io', 'dev', 'example', 'test');
const domainName = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([labels, t]) => [...labels, t].join('.'));
const hostname = fc.oneof({ arbitrary: domainName, weight: 3 }, { arbitrary: label, weight: 1 });
const pathSegment = word(1, 10, lowerAlnum + '-._~');
const path = fc.array(pathSegment, { maxLength: 3 }).map((segments) => segments.map((s) => '/' + s).join(''));
const query = fc.option(fc.tuple(word(1, 6), word(0, 8)).map(([k, v]) => `?${k}=${v}`), { nil: '' });
const fragment = fc.option(word(1, 8).map((f) => '#' + f), { nil: '' });

const url = fc.tuple(pick('https', 'http'), domainName, path, query).map(([scheme, host, p, q]) => `${scheme}://${host}${p}${q}`);
const uri = fc.oneof(
  { arbitrary: fc.tuple(url, fragment).map(([u, f]) => u + f), weight: 4 },
  { arbitrary: fc.tuple(word(1, 8), word(1, 12)).map(([ns, id]) => `urn:${ns}:${id}`), weight: 1 },
  { arbitrary: fc.tuple(word(1, 8), domainName).map(([user, host]) => `mailto:${user}@${host}`), weight: 1 },
);
const uriReference = fc.oneof(uri, fc.tuple(path, query, fragment).map(([p, q, f]) => (p || '/') + q + f), fragment.map((f) => f || '#top'));
const uriTemplate = fc.tuple(url, word(1, 6, 'abcdefghijklmnopqrstuvwxyz_')).map(([u, v]) => `${u.split('?')[0]}/{${v}}`);

const localPart = fc
  .tuple(word(1, 10, lowerAlnum + '_+-'), fc.option(word(1, 6), { nil: undefined }))
  .map(([a, b]) => (b === undefined ? a : `${a}.${b}`));
const shortHost = fc.tuple(word(1, 3, 'abcdefghijklmnopqrstuvwxyz'), pick('io', 'co', 'de')).map(([l, t]) => `${l}.${t}`);
// Short forms keep formats usable under a tight maxLength.
const email = fc.oneof(
  { arbitrary: fc.tuple(localPart, domainName).map(([local, host]) => `${local}@${host}`), weight: 3 },
  { arbitrary: fc.tuple(word(1, 3), shortHost).map(([local, host]) => `${local}@${host}`), weight: 1 },
);

const octet = fc.nat(255);
// Private and loopback ranges are what mock data and prefix patterns (`^10\.`) usually want.
const ipv4 = fc.oneof(
  { arbitrary: fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.')), weight: 3 },
  { arbitrary: fc.tuple(pick('10', '127', '192.168', '172.16'), octet, octet).map(([net, a, b]) => (net.includes('.') ? `${net}.${a}.${b}` : `${net}.${a}.${b}.1`)), weight: 1 },
);
const hexGroup = fc.nat(0xffff).map((n) => n.toString(16));
const ipv6 = fc
  .tuple(fc.array(hexGroup, { minLength: 8, maxLength: 8 }), fc.option(fc.tuple(fc.nat(7), fc.integer({ min: 2, max: 7 })), { nil: undefined }), fc.boolean())
  .map(([groups, cut, upper]) => {
    let text = groups.join(':');
    if (cut) {
      const [start, length] = cut;
      text = `${groups.slice(0, start).join(':')}::${groups.slice(Math.min(8, start + length)).join(':')}`;
    }
    return upper ? text.toUpperCase() : text;
  });

// ajv's uuid and ipv6 tests ignore case; upper-case forms let a case-sensitive `pattern` be met too.
const uuid = fc.oneof({ arbitrary: fc.uuid(), weight: 3 }, { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 });
const pointerToken = word(0, 6, lowerAlnum + '~/').map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1'));
const jsonPointer = fc.array(pointerToken, { maxLength: 4 }).map((tokens) => tokens.map((t) => '/' + t).join(''));
const jsonPointerFragment = fc.array(word(0, 6), { maxLength: 4 }).map((tokens) => '#' + tokens.map((t) => '/' + t).join(''));
const relativeJsonPointer = fc.tuple(fc.nat(5), fc.oneof(fc.constant('#'), jsonPointer)).map(([n, rest]) => `${n}${rest}`);
const regex = pick('^[a-z]+$', '\\d{3}-\\d{4}', '^(foo|bar)$', '.*', '[A-Z][a-z]*', '^\\w+@\\w+$');
const byte = fc.uint8Array({ maxLength: 24 }).map((bytes) => Buffer.from(bytes).toString('base64'));

export const FORMAT_ARBITRARIES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  date,
  time,
  'date-time': dateTime,
  'iso-time': isoTime,
  'iso-date-time': isoDateTime,
  duration,
  uri,
  'uri-reference': uriReference,
  'uri-template': uriTemplate,
  url,
  iri: uri,
  'iri-reference': uriReference,
  email,
  'idn-email': email,
  hostname,
  'idn-hostname': hostname,
  ipv4,
  ipv6,
  regex,
  uuid,
  'json-pointer': jsonPointer,
  'json-pointer-uri-fragment': jsonPointerFragment,
  'relative-json-pointer': relativeJsonPointer,
  byte,
};

/** Formats whose every string is valid (ajv-formats marks them `true`). */
export const FREE_FORMATS = new Set(['password', 'binary']);

export type FormatCheck = (text: string) => boolean;

/**
 * The validator's own test for a string format, or `undefined` if it does not assert the
 * format (unknown to it, or format validation switched off).
 */
export function formatCheck(ajv: Ajv2020, name: string): FormatCheck | undefined {
  if ((ajv.opts as { validateFormats?: boolean }).validateFormats === false) return undefined;
  const definition = (ajv.formats as Record<string, unknown>)[name];
  return checkOf(definition);
}

function checkOf(definition: unknown): FormatCheck | undefined {
  if (definition === undefined || definition === true) return undefined;
  if (definition instanceof RegExp) {
    return (text) => {
      definition.lastIndex = 0;
      return definition.test(text);
    };
  }
  if (typeof definition === 'string') {
    const re = new RegExp(definition, 'u');
    return (text) => re.test(text);
  }
  if (typeof definition === 'function') return (text) => Boolean((definition as (s: string) => unknown)(text));
  if (typeof definition === 'object' && definition !== null) {
    const def = definition as { type?: string; async?: boolean; validate?: unknown };
    if (def.type !== undefined && def.type !== 'string') return undefined;
    if (def.async) return undefined;
    return checkOf(def.validate);
  }
  return undefined;
}

/** Candidate strings that break a format (each is checked before it is used as a mutation). */
export const FORMAT_BREAKERS: readonly string[] = [
  'not-a-valid-value',
  '',
  '2021-13-45T25:61:61Z',
  'a b',
  '::::',
  '999.999.999.999',
  '-',
  '\\',
  '#',
];
