import type * as fc from 'fast-check';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { canonicalJson } from '../util/canonical-json.ts';

/** What a caller may set; every field has a documented default (see `resolveOptions`). */
export interface ArbitraryOptions {
  /**
   * JSON pointer of the schema to generate for inside the document (default `''`, the root).
   * `{ ...doc, $ref: '#/$defs/status200' }` works as well.
   */
  pointer?: string;
  /** How many times a recursive `$ref` may be re-entered before values must bottom out (default 3). */
  maxDepth?: number;
  /** Items beyond `minItems` for arrays without a `maxItems` (default 5). */
  maxItems?: number;
  /** Extra (undeclared or pattern) properties per object at most (default 3). */
  maxExtraProperties?: number;
  /**
   * Add properties the schema does not name when `additionalProperties` allows them (default
   * true: providers add fields, and consumers must cope). Pattern properties are always used.
   */
  extraProperties?: boolean;
  /** Generators for formats apiconform does not know (or to replace a built-in one). */
  formats?: Record<string, fc.Arbitrary<string>>;
  /**
   * A `format` with neither a built-in nor a custom generator: `'ignore'` generates plain strings
   * and lets the validator's own format check filter them; `'unsupported'` refuses the schema.
   */
  unknownFormats?: 'ignore' | 'unsupported';
  /**
   * Check every value against the validator before handing it out (default true). Turning it off
   * measures the structural generator alone; values may then be invalid.
   */
  verify?: boolean;
  /**
   * The size budget of one value (default 100,000): counted as its JSON values plus the code
   * points of its strings and property names. A schema whose smallest value is larger (`minItems`
   * of a million, `minLength` 10^8, nested `minItems` multiplying, thousands of `required` names)
   * is refused with `unsupported` at construction, naming the limit and the keyword's pointer,
   * instead of exhausting time or memory.
   */
  maxValueNodes?: number;
  /** Attempts of any bounded search (filters, mutations) before giving up (default 64). */
  attempts?: number;
  /** The validator to agree with (default: `createGeneratorAjv()`, see validator.ts). */
  ajv?: Ajv2020;
  /**
   * Other documents the schema may `$ref`, by URL (`{ 'https://example.com/pet.json': {...} }`):
   * they are embedded in the document, never fetched. The draft-07 and 2020-12 meta-schemas are
   * always available.
   */
  schemas?: Readonly<Record<string, unknown>>;
}

export interface ResolvedOptions {
  pointer: string;
  maxDepth: number;
  maxItems: number;
  maxExtraProperties: number;
  extraProperties: boolean;
  formats: Record<string, fc.Arbitrary<string>>;
  unknownFormats: 'ignore' | 'unsupported';
  verify: boolean;
  maxValueNodes: number;
  attempts: number;
  schemas: Readonly<Record<string, unknown>>;
}

export function resolveOptions(options: ArbitraryOptions = {}): ResolvedOptions {
  return {
    pointer: options.pointer ?? '',
    maxDepth: nonNegative(options.maxDepth, 3, 'maxDepth'),
    maxItems: nonNegative(options.maxItems, 5, 'maxItems'),
    maxExtraProperties: nonNegative(options.maxExtraProperties, 3, 'maxExtraProperties'),
    extraProperties: options.extraProperties ?? true,
    formats: options.formats ?? {},
    unknownFormats: options.unknownFormats ?? 'ignore',
    verify: options.verify ?? true,
    maxValueNodes: Math.max(1, nonNegative(options.maxValueNodes, 100_000, 'maxValueNodes')),
    attempts: Math.max(1, nonNegative(options.attempts, 64, 'attempts')),
    schemas: options.schemas ?? {},
  };
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** A stable key for the options that change what is generated (the cache key's second half). */
export function optionsKey(options: ResolvedOptions): string {
  const formats = Object.keys(options.formats).sort().join(',');
  return [
    options.pointer,
    options.maxDepth,
    options.maxItems,
    options.maxExtraProperties,
    options.extraProperties,
    formats,
    options.unknownFormats,
    options.verify,
    options.attempts,
    options.maxValueNodes,
    Object.keys(options.schemas).length === 0 ? '' : canonicalJson(options.schemas),
  ].join('|');
}
