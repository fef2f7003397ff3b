import { RE2JS } from 're2js';
import type { RegExpEngine } from 'ajv/dist/types/index.js';

/**
 * Catalogue schemas are untrusted, and a `pattern` such as `^(a+)+$` makes a backtracking engine
 * (V8's RegExp) take exponential time on a short string. Every pattern apiconform evaluates goes
 * through RE2 (re2js, pure JS), whose matching time is linear in the input. RE2 has no
 * look-around or back-references: such patterns fail to compile and are reported by the schema
 * normaliser instead of being run.
 */
export function compileLinearRegExp(pattern: string): RE2JS {
  return RE2JS.compile(toRe2Syntax(pattern));
}

/**
 * ECMAScript escapes RE2 spells differently: `\uXXXX` and `\u{X…}` become `\x{…}`; Unicode
 * property escapes by long name or with a `General_Category=` / `Script=` prefix
 * (`\p{Letter}`, `\p{Script=Greek}`) become RE2's short forms (`\p{L}`, `\p{Greek}`).
 */
export function toRe2Syntax(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = pattern[i + 1];
    if (next === 'p' || next === 'P') {
      const property = /^\{([A-Za-z_]+)(?:=([A-Za-z_]+))?\}/.exec(pattern.slice(i + 2));
      const name = property ? re2PropertyName(property[1]!, property[2]) : undefined;
      if (property && name !== undefined) {
        out += `\\${next}{${name}}`;
        i += 1 + property[0].length;
        continue;
      }
    }
    if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(pattern.slice(i + 2));
      if (braced) {
        out += `\\x{${braced[1]}}`;
        i += 2 + braced[0].length - 1;
        continue;
      }
      const hex = /^[0-9a-fA-F]{4}/.exec(pattern.slice(i + 2));
      if (hex) {
        out += `\\x{${hex[0]}}`;
        i += 5;
        continue;
      }
    }
    out += c + (next ?? '');
    i++;
  }
  return out;
}

/** ECMAScript's long General_Category names (and aliases) → the short ones RE2 knows. */
const GENERAL_CATEGORIES: Readonly<Record<string, string>> = {
  Letter: 'L',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Combining_Mark: 'M',
  Nonspacing_Mark: 'Mn',
  Spacing_Mark: 'Mc',
  Enclosing_Mark: 'Me',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Connector_Punctuation: 'Pc',
  Dash_Punctuation: 'Pd',
  Open_Punctuation: 'Ps',
  Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi',
  Final_Punctuation: 'Pf',
  Other_Punctuation: 'Po',
  Symbol: 'S',
  Math_Symbol: 'Sm',
  Currency_Symbol: 'Sc',
  Modifier_Symbol: 'Sk',
  Other_Symbol: 'So',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Line_Separator: 'Zl',
  Paragraph_Separator: 'Zp',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
  Format: 'Cf',
  Surrogate: 'Cs',
  Private_Use: 'Co',
};

/** RE2's name for an ECMAScript `\p{…}` property, or undefined to leave the escape as written. */
function re2PropertyName(key: string, value: string | undefined): string | undefined {
  // A short category (`L`, `Lu`) or a script name (`Greek`) is spelt the same in RE2.
  if (value === undefined) return GENERAL_CATEGORIES[key];
  if (key === 'General_Category' || key === 'gc') return GENERAL_CATEGORIES[value] ?? value;
  if (key === 'Script' || key === 'sc') return value;
  return undefined;
}

/** Why a pattern cannot be used, or undefined when RE2 accepts it. */
export function patternProblem(pattern: string): string | undefined {
  try {
    compileLinearRegExp(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const cache = new Map<string, RE2JS>();

/**
 * ajv's regExp engine option: RE2 instead of RegExp, compiled once per pattern. ajv caches the
 * compiled expressions by `toString()`, so each one must print as its own pattern (an object
 * printing as "[object Object]" would make every pattern share the first one compiled).
 */
export const linearRegExpEngine: RegExpEngine = Object.assign(
  (pattern: string, flags: string): { test: (s: string) => boolean; toString: () => string } => {
    let re = cache.get(pattern);
    if (!re) {
      re = compileLinearRegExp(pattern);
      cache.set(pattern, re);
    }
    const compiled = re;
    return { test: (s: string) => compiled.test(s), toString: () => `/${pattern}/${flags}` };
  },
  { code: 'require("re2js").RE2JS' },
);
