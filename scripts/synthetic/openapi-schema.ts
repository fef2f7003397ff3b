/**
 * Schemas in the style of the catalogue's OpenAPI-derived rows (Enode API, FastAPI services):
 * `description`, `title`, `format`, `enum`, `nullable`, `maxItems`, `minLength`, type arrays
 * (`["object", "null"]`), `allOf` wrappers, titled `anyOf` alternatives, `required` listed before
 * `properties`. Built by decorating the genson schema of the body, and every decoration is
 * checked against all the values seen at its place, so the example still matches its schema;
 * making examples that do not match is imperfect.ts's job, and counted there.
 */
import type { Random } from './random.ts';
import { inferSchema, type JsonSchema } from './infer-schema.ts';
import { isObject } from './mutate-body.ts';
import { enumGroupOf, stringKind, textOfLength } from './values.ts';

export type OpenApiFlavour = 'openapi' | 'pydantic';

export interface OpenApiStyle {
  flavour: OpenApiFlavour;
  /** Enode writes `required` before `properties`; most generators after. */
  requiredFirst: boolean;
  /** Share of properties that get a description (the main reason these schemas are large). */
  describe: number;
}

export function openApiSchema(body: unknown, style: OpenApiStyle, random: Random, title?: string): JsonSchema {
  const schema = decorate(inferSchema(body, { schemaUri: false }), [body], undefined, style, random);
  if (title && style.flavour === 'pydantic' && schema.type === 'object') return { title, ...schema };
  if (title && random.chance(0.3)) return { title, ...schema };
  return schema;
}

function decorate(node: JsonSchema, samples: unknown[], key: string | undefined, style: OpenApiStyle, random: Random): JsonSchema {
  if (Array.isArray(node.anyOf)) {
    return { anyOf: (node.anyOf as JsonSchema[]).map((branch) => decorate(branch, samples.filter((s) => fits(branch, s)), key, style, random)) };
  }
  const type = node.type;
  const out: JsonSchema = {};
  if (style.flavour === 'pydantic' && key) out.title = titleCase(key);
  if (Array.isArray(type)) {
    // genson's ["null", "string"] is exactly OpenAPI 3.1's way of saying nullable.
    out.type = type.filter((t) => t !== 'null').length === 0 ? type : [...type.filter((t) => t !== 'null'), ...(type.includes('null') ? ['null'] : [])];
    if (type.includes('object') && node.properties) Object.assign(out, objectParts(node, samples, style, random));
    describe(out, key, style, random);
    return out;
  }
  out.type = type;
  describe(out, key, style, random);
  if (type === 'object') return Object.assign(out, objectParts(node, samples, style, random));
  if (type === 'array') {
    const items = samples.filter(Array.isArray).flat();
    out.items = node.items && Object.keys(node.items).length > 0 ? decorate(node.items as JsonSchema, items, singular(key), style, random) : {};
    const longest = Math.max(0, ...samples.filter(Array.isArray).map((a) => a.length));
    if (random.chance(0.15)) out.maxItems = Math.max(longest, random.pick([2, 5, 10, 50, 100]));
    return out;
  }
  if (type === 'string') return Object.assign(out, stringParts(samples as string[], style, random));
  if (type === 'integer' || type === 'number') {
    if (samples.every((s) => typeof s === 'number' && s >= 0) && random.chance(0.2)) out.minimum = 0;
    if (style.flavour === 'openapi' && random.chance(0.1)) {
      const int32 = samples.every((s) => typeof s === 'number' && Math.abs(s) < 2 ** 31);
      out.format = type === 'integer' ? (int32 ? random.pick(['int32', 'int64']) : 'int64') : random.pick(['float', 'double']);
    }
    return out;
  }
  if (type === 'boolean' && random.chance(0.1)) out.default = false;
  if (type === 'null' && style.flavour === 'openapi') return { type: ['string', 'null'], ...withoutType(out) };
  return out;
}

function objectParts(node: JsonSchema, samples: unknown[], style: OpenApiStyle, random: Random): JsonSchema {
  const objects = samples.filter(isObject);
  const properties: JsonSchema = {};
  for (const [name, child] of Object.entries((node.properties as Record<string, JsonSchema>) ?? {})) {
    const values = objects.filter((o) => name in o).map((o) => o[name]);
    properties[name] = maybeAllOf(decorate(child, values, name, style, random), random);
  }
  // OpenAPI documents often require fewer properties than every example has; never more.
  const required = ((node.required as string[] | undefined) ?? []).filter(() => random.chance(0.85));
  const parts: JsonSchema = {};
  if (style.requiredFirst && required.length > 0) parts.required = required;
  if (Object.keys(properties).length > 0) parts.properties = properties;
  if (!style.requiredFirst && required.length > 0) parts.required = required;
  if (random.chance(0.03)) parts.additionalProperties = false;
  return parts;
}

function stringParts(samples: string[], style: OpenApiStyle, random: Random): JsonSchema {
  const parts: JsonSchema = {};
  const kinds = new Set(samples.map(stringKind));
  const kind = kinds.size === 1 ? [...kinds][0]! : 'text';
  if (kind === 'enum') {
    const group = enumGroupOf(samples[0]!)!;
    if (samples.every((s) => group.includes(s))) {
      if (style.flavour === 'openapi' && random.chance(0.2)) {
        // Enode's way: titled alternatives that do not restrict anything.
        parts.anyOf = group.map((value) => ({ type: 'string', title: value, description: textOfLength(random.int(30, 120), random) }));
      } else parts.enum = [...group];
    }
  } else if (kind === 'date-time' || kind === 'date' || kind === 'uuid' || kind === 'email' || kind === 'uri') {
    parts.format = kind;
  } else if (samples.length > 0 && samples.every((s) => s.length > 0) && random.chance(0.1)) {
    parts.minLength = 1;
  }
  if (style.flavour === 'openapi' && random.chance(0.04)) parts.nullable = true;
  return parts;
}

/** Enode wraps some properties as `allOf: [{constraint}, {description}]`. */
function maybeAllOf(schema: JsonSchema, random: Random): JsonSchema {
  if (schema.type !== 'string' || schema.enum || schema.anyOf || !random.chance(0.04)) return schema;
  const { description, ...rest } = schema;
  return { allOf: [{ ...rest, minLength: 0 }, { type: 'string', description: description ?? '' }] };
}

function describe(out: JsonSchema, key: string | undefined, style: OpenApiStyle, random: Random): void {
  if (style.flavour !== 'openapi' || !random.chance(style.describe)) return;
  const subject = key ? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase() : 'response';
  const long = random.chance(0.15);
  out.description = long
    ? `The ${subject}. ${textOfLength(random.int(120, 420), random)}.`
    : random.pick([`The ${subject}.`, `${titleCase(subject)} of the resource`, `ISO8601 UTC ${subject}`, `Unique ${subject}`, '']);
}

function fits(branch: JsonSchema, value: unknown): boolean {
  const types = ([] as unknown[]).concat(branch.type ?? []);
  if (Array.isArray(value)) return types.includes('array');
  if (isObject(value)) return types.includes('object');
  if (value === null) return types.includes('null');
  if (typeof value === 'number') return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
  return types.includes(typeof value);
}

function withoutType(schema: JsonSchema): JsonSchema {
  const { type: _type, ...rest } = schema;
  return rest;
}

function singular(key: string | undefined): string | undefined {
  return key?.replace(/s$/, '');
}

export function titleCase(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
