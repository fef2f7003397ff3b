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

/** ECMAScript escapes RE2 spells differently: `\uXXXX` and `\u{X…}` become `\x{…}`. */
export function toRe2Syntax(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = pattern[i + 1];
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
