import { compile, DEFAULT_OPTIONS, type Options } from 'json-schema-to-typescript';
// json-schema-to-typescript's own pipeline stages (see compileWithoutRefs)
import { link } from 'json-schema-to-typescript/dist/src/linker.js';
import { validate } from 'json-schema-to-typescript/dist/src/validator.js';
import { normalize, normalizeNullableRefs } from 'json-schema-to-typescript/dist/src/normalizer.js';
import { parse, nameAnonymousRecursiveTypes } from 'json-schema-to-typescript/dist/src/parser.js';
import { optimize } from 'json-schema-to-typescript/dist/src/optimizer.js';
import { generate } from 'json-schema-to-typescript/dist/src/generator.js';
import type { JsonSchema, JsonSchemaObject } from '../schemas/types.ts';
import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from '../schemas/vocabulary.ts';
import { formatDeclarations } from './format.ts';

/**
 * Declarations are compiled once per distinct body schema under this placeholder name and
 * renamed per endpoint afterwards, so identical schemas of different endpoints cost one compile.
 */
export const PLACEHOLDER = 'ApiconformBodyPlaceholder';

/**
 * json-schema-to-typescript options, chosen deliberately:
 * - `additionalProperties: false` is the default for schemas that do not say: most catalogue
 *   schemas were inferred from a single example (genson), so an unspecified
 *   `additionalProperties` says nothing about extra keys, and `[k: string]: unknown` on every
 *   interface would only be noise. An explicit `additionalProperties: true` or a schema still
 *   gives an index signature. (Validation is unaffected: the JSON Schemas keep their meaning.)
 * - `ignoreMinAndMaxItems`: `maxItems: 20` would otherwise become a union of 21 tuple types.
 * - `unknownAny`: `{}` is `unknown`, not `any`, so generated code stays honest under --strict.
 * - `format: false`: Prettier costs ~9 ms per schema against ~1 ms for the rest; formatDeclarations
 *   indents the output deterministically instead.
 */
const OPTIONS: Partial<Options> = {
  bannerComment: '',
  format: false,
  additionalProperties: false,
  ignoreMinAndMaxItems: true,
  unknownAny: true,
  strictIndexSignatures: true,
  declareExternallyReferenced: true,
  unreachableDefinitions: false,
  $refOptions: { resolve: { external: false, file: false, http: false } } as Options['$refOptions'],
};

/** TypeScript declarations for one body schema, root type named PLACEHOLDER. */
export async function compileBodyDeclarations(schema: JsonSchema, options: { hasRefs?: boolean } = {}): Promise<string> {
  const input = prepare(schema);
  const output = options.hasRefs === false ? compileWithoutRefs(input) : await compile(input as never, PLACEHOLDER, OPTIONS);
  return formatDeclarations(output);
}

const RESOLVED_OPTIONS = { ...DEFAULT_OPTIONS, ...OPTIONS, cwd: `${process.cwd()}/` } as Options;

/**
 * json-schema-to-typescript's `compile` minus the steps that do nothing for a schema without
 * `$ref`: the deep clone (prepare() already made a fresh copy) and the $RefParser dereference
 * pass (~20 % of its time, building a JSON pointer for every node). The remaining stages are the
 * library's own, called in compile()'s order; a test checks the output is identical to compile().
 */
function compileWithoutRefs(schema: JsonSchemaObject): string {
  normalizeNullableRefs(schema as never);
  const dereferencedPaths = new WeakMap();
  const linked = link(schema as never);
  const errors = validate(linked, PLACEHOLDER);
  if (errors.length > 0) throw new Error(errors.join('; '));
  const normalized = normalize(linked, dereferencedPaths, PLACEHOLDER, RESOLVED_OPTIONS);
  const processed = new Map();
  const usedNames = new Set<string>();
  const parsed = parse(normalized, RESOLVED_OPTIONS, undefined, processed, usedNames);
  nameAnonymousRecursiveTypes(parsed, processed, dereferencedPaths, usedNames);
  return generate(optimize(parsed, RESOLVED_OPTIONS), RESOLVED_OPTIONS);
}

/**
 * The root gets the placeholder title; nested titles are removed so that nested objects are
 * inlined rather than becoming named types that could clash between statuses in one file;
 * `$defs` (targets of `$ref`) are titled `<placeholder><Key>` so their names are unique per body.
 */
function prepare(schema: JsonSchema): JsonSchemaObject {
  const root = schema === true ? {} : schema === false ? { not: {} } : schema;
  const out = stripTitles(root, true) as JsonSchemaObject;
  out.title = PLACEHOLDER;
  const defs = out.$defs as Record<string, JsonSchema> | undefined;
  if (defs) {
    const used = new Set<string>();
    for (const [key, def] of Object.entries(defs)) {
      if (typeof def === 'boolean') continue;
      let name = `${PLACEHOLDER}${pascal(key)}`;
      while (used.has(name)) name += 'X';
      used.add(name);
      defs[key] = { ...def, title: name };
    }
  }
  return out;
}

function stripTitles(schema: JsonSchema, isRoot = false): JsonSchema {
  if (typeof schema === 'boolean') return schema;
  const out: JsonSchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'title' && !isRoot) continue;
    if (key === 'examples' || key === 'default') continue; // annotations only; they bloat JSDoc
    if (SINGLE_SUBSCHEMA.has(key)) out[key] = stripTitles(value as JsonSchema);
    else if (ARRAY_OF_SUBSCHEMAS.has(key)) out[key] = (value as JsonSchema[]).map((s) => stripTitles(s));
    else if (MAP_OF_SUBSCHEMAS.has(key)) {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([k, s]) => [k, stripTitles(s)]));
    } else out[key] = copyJson(value); // json-schema-to-typescript mutates what it is given
  }
  return out;
}

function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = copyJson(item);
  return out;
}

function pascal(key: string): string {
  const words = key.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return name || 'Def';
}

/** Renames the placeholder-named declarations to the endpoint's names. */
export function renameDeclarations(declarations: string, typeName: string): string {
  return declarations.replace(new RegExp(`\\b${PLACEHOLDER}`, 'g'), typeName);
}
