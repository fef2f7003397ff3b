import { compile, DEFAULT_OPTIONS, type Options } from 'json-schema-to-typescript';
// json-schema-to-typescript's own pipeline stages (see compileWithoutRefs)
import { link } from 'json-schema-to-typescript/dist/src/linker.js';
import { validate } from 'json-schema-to-typescript/dist/src/validator.js';
import { normalize, normalizeNullableRefs } from 'json-schema-to-typescript/dist/src/normalizer.js';
import { parse, nameAnonymousRecursiveTypes } from 'json-schema-to-typescript/dist/src/parser.js';
import { optimize } from 'json-schema-to-typescript/dist/src/optimizer.js';
import { generate } from 'json-schema-to-typescript/dist/src/generator.js';
import jsttUtils from 'json-schema-to-typescript/dist/src/utils.js';
import type { JsonSchema, JsonSchemaObject } from '../schemas/types.ts';
import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from '../schemas/vocabulary.ts';
import { cloneJson, setOwn } from '../util/json.ts';
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

export interface CompileBodyOptions {
  /** Whether the schema has `$ref`s (false takes the fast path; undefined means "maybe"). */
  hasRefs?: boolean;
  /**
   * The caller hands the schema over (a worker's freshly parsed copy): it is prepared in place
   * instead of copied. The set collects the nodes seen; pass an empty one.
   */
  owned?: Set<object>;
}

/** TypeScript declarations for one body schema, root type named PLACEHOLDER. */
export async function compileBodyDeclarations(schema: JsonSchema, options: CompileBodyOptions = {}): Promise<string> {
  const { input, walkOnce } = prepare(schema, options.owned);
  const output = options.hasRefs === false ? compileWithoutRefs(input, walkOnce) : await compile(input as never, PLACEHOLDER, OPTIONS);
  return formatDeclarations(output);
}

const RESOLVED_OPTIONS = { ...DEFAULT_OPTIONS, ...OPTIONS, cwd: `${process.cwd()}/` } as Options;

/**
 * json-schema-to-typescript's `compile` minus the steps that do nothing for a schema without
 * `$ref`: the deep clone (prepare() already made a fresh copy) and the $RefParser dereference
 * pass (~20 % of its time, building a JSON pointer for every node). The remaining stages are the
 * library's own, called in compile()'s order; a test checks the output is identical to compile().
 */
function compileWithoutRefs(schema: JsonSchemaObject, walkOnce: boolean): string {
  normalizeNullableRefs(schema as never);
  const dereferencedPaths = new WeakMap();
  const linked = link(schema as never);
  const errors = walkOnce ? validateInOneWalk(linked) : validate(linked, PLACEHOLDER);
  if (errors.length > 0) throw new Error(errors.join('; '));
  const normalized = walkOnce ? (normalizeInOneWalk(linked, dereferencedPaths) as typeof linked) : normalize(linked, dereferencedPaths, PLACEHOLDER, RESOLVED_OPTIONS);
  const processed = new Map();
  const usedNames = new Set<string>();
  const parsed = parse(normalized, RESOLVED_OPTIONS, undefined, processed, usedNames);
  nameAnonymousRecursiveTypes(parsed, processed, dereferencedPaths, usedNames);
  return generate(optimize(parsed, RESOLVED_OPTIONS), RESOLVED_OPTIONS);
}

type Rule = (schema: unknown, key: string | null) => void;
const library = jsttUtils as unknown as { traverse: (schema: unknown, rule: Rule) => void };

/**
 * json-schema-to-typescript's normalize() and validate() walk the whole schema once per rule
 * (19 and 6 walks, ~55 % of its time); these apply the same rules, in the same order, to each
 * node in one walk. The rules read and write only the node they are given (and read its
 * already-normalised ancestors), so the result is the same, with two exceptions prepare() rules
 * out: `nullable` (its rule moves keywords into a new child) and a `const` holding an object (the
 * early walks descend into it before the const→enum rule hides it). The library's stage is run
 * with the walk replaced by a collector to obtain its rules in order; a test compares outputs
 * with compile() on fuzzed, corpus and synthetic-catalogue schemas.
 */
function inOneWalk<T>(schema: unknown, stage: () => T): T {
  const rules: Rule[] = [];
  const walk = library.traverse;
  library.traverse = (_schema, rule) => void rules.push(rule);
  let result: T;
  try {
    result = stage();
  } finally {
    library.traverse = walk;
  }
  walk(schema, (node, key) => {
    for (const rule of rules) rule(node, key);
  });
  return result;
}

function normalizeInOneWalk(schema: unknown, dereferencedPaths: WeakMap<object, string>): unknown {
  return inOneWalk(schema, () => normalize(schema as never, dereferencedPaths as never, PLACEHOLDER, RESOLVED_OPTIONS));
}

/** The same errors as validate(); when there are any, validate() itself orders them for the message. */
function validateInOneWalk(schema: unknown): string[] {
  const errors = inOneWalk(schema, () => validate(schema as never, PLACEHOLDER));
  return errors.length === 0 ? errors : validate(schema as never, PLACEHOLDER);
}

/**
 * The root gets the placeholder title; nested titles are removed so that nested objects are
 * inlined rather than becoming named types that could clash between statuses in one file;
 * `$defs` (targets of `$ref`) are titled `<placeholder><Key>` so their names are unique per body.
 */
function prepare(schema: JsonSchema, owned: Set<object> | undefined): { input: JsonSchemaObject; walkOnce: boolean } {
  const root = schema === true ? {} : schema === false ? { not: {} } : schema;
  const features = { walkOnce: true };
  // json-schema-to-typescript changes what it is given: a schema that is not handed over is copied
  const out = stripTitlesInPlace(owned ? root : cloneJson(root), features, owned ?? new Set(), true) as JsonSchemaObject;
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
  return { input: out, walkOnce: features.walkOnce };
}

/**
 * Removes nested titles and the `examples`/`default` annotations in place (most schemas have none,
 * so this mostly just looks), and notes what rules out normalizeInOneWalk. A node reached twice
 * gets its own copy at the second place: json-schema-to-typescript treats a shared node
 * differently from two equal ones.
 */
function stripTitlesInPlace(schema: JsonSchema, features: { walkOnce: boolean }, seen: Set<object>, isRoot = false): JsonSchema {
  if (typeof schema === 'boolean') return schema;
  if (seen.has(schema)) return stripTitlesInPlace(cloneJson(schema), features, seen);
  seen.add(schema);
  for (const key in schema) {
    const value = schema[key];
    if ((key === 'title' && !isRoot) || key === 'examples' || key === 'default') delete schema[key];
    else if (SINGLE_SUBSCHEMA.has(key)) schema[key] = stripTitlesInPlace(value as JsonSchema, features, seen);
    else if (ARRAY_OF_SUBSCHEMAS.has(key)) {
      const list = value as JsonSchema[];
      for (let i = 0; i < list.length; i++) list[i] = stripTitlesInPlace(list[i]!, features, seen);
    } else if (MAP_OF_SUBSCHEMAS.has(key)) {
      const map = value as Record<string, JsonSchema>;
      for (const name of Object.keys(map)) {
        const stripped = stripTitlesInPlace(map[name]!, features, seen);
        if (stripped !== map[name]) setOwn(map, name, stripped); // a property may be called `__proto__`
      }
    } else if (key === 'nullable' || (key === 'const' && value !== null && typeof value === 'object')) features.walkOnce = false;
  }
  return schema;
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
