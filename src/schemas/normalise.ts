import { canonicalJson } from '../util/canonical-json.ts';
import { contentHash } from '../util/hash.ts';
import { patternProblem } from '../validators/regexp.ts';
import { keywordValueProblem } from './keyword-values.ts';
import { escapePointerToken, fragmentTokens, pointerToFragment, resolveTokens } from './pointer.ts';
import type { JsonSchema, JsonSchemaObject, NormalisedSchema, SchemaProblem } from './types.ts';
import {
  ARRAY_OF_SUBSCHEMAS,
  JSON_TYPES,
  KEYWORDS_2020_12,
  KNOWN_FORMATS,
  MAP_OF_SUBSCHEMAS,
  SINGLE_SUBSCHEMA,
} from './vocabulary.ts';

/** OpenAPI keywords with no meaning in JSON Schema 2020-12; dropped quietly as a group. */
const OPENAPI_ONLY = new Set(['discriminator', 'xml', 'externalDocs']);

/**
 * Brings one catalogue schema into JSON Schema 2020-12, whatever dialect it was written in:
 * - genson's `"$schema": "http://json-schema.org/schema#"` (a URI no validator knows) and any
 *   other `$schema` are removed (the endpoint document declares 2020-12 once, at its root);
 * - draft-04…07: `definitions` → `$defs`, array `items` → `prefixItems` (+ `additionalItems` →
 *   `items`), `dependencies` → `dependentRequired`/`dependentSchemas`, boolean
 *   `exclusiveMinimum/Maximum` → numbers, `id` dropped;
 * - OpenAPI 3.0: `nullable: true` → `"null"` added to `type` (and to `enum`), `example` →
 *   `examples`, `x-*`/`discriminator`/`xml`/`externalDocs` dropped;
 * - unsafe or broken parts are dropped and reported as `schema/invalid`: a `pattern` RE2 cannot
 *   run in linear time, a remote or unresolvable `$ref` (never fetched), an unknown `type`,
 *   keyword values the 2020-12 meta-schema rejects (see keyword-values.ts);
 * - keywords outside 2020-12 and unknown formats are dropped and reported as `schema/normalised`.
 * Pure: the input is not modified. `$ref`s stay local to the body schema (`#/…` from its root);
 * `relocateRefs` moves them when the schema is placed inside an endpoint document.
 */
export function normaliseSchema(raw: unknown): NormalisedSchema {
  const problems: SchemaProblem[] = [];
  const walker = new Walker(raw, problems);
  const schema = walker.walk(raw, ROOT, ROOT) ?? true;
  const hasRefs = walker.resolveRefs();
  return { schema, hash: contentHash(canonicalJson(schema)), problems, hasRefs };
}

/**
 * `normaliseSchema` for the examples of a run, each distinct schema text normalised once (a third
 * of the dataset's rows repeat a schema text). The parsed schema is only read on a miss.
 */
export function cachedNormaliser(): (example: { schemaText: string; schema: unknown }) => NormalisedSchema {
  const cache = new Map<string, NormalisedSchema>();
  return (example) => {
    let result = cache.get(example.schemaText);
    if (!result) cache.set(example.schemaText, (result = normaliseSchema(example.schema)));
    return result;
  };
}

/**
 * A JSON pointer kept as a linked list of tokens: the walk visits every node of every schema,
 * but a pointer is only spelled out for the few nodes that need one (problems, `$ref` targets).
 */
interface Path {
  readonly parent: Path | undefined;
  readonly token: string;
}

const ROOT: Path = { parent: undefined, token: '' };
const child = (parent: Path, token: string | number): Path => ({ parent, token: String(token) });

function pointerOf(path: Path): string {
  const tokens: string[] = [];
  for (let at: Path | undefined = path; at && at !== ROOT; at = at.parent) tokens.push(escapePointerToken(at.token));
  return tokens.length === 0 ? '' : `/${tokens.reverse().join('/')}`;
}

interface PendingRef {
  holder: JsonSchemaObject;
  ref: string;
  path: Path;
}

class Walker {
  /** Original schema node → its path in the output, so refs can follow renamed keywords. */
  private readonly newPaths = new Map<object, Path>();
  private readonly anchors = new Set<string>();
  private readonly refs: PendingRef[] = [];
  private readonly dropped = new Map<Path, string[]>();

  constructor(
    private readonly root: unknown,
    private readonly problems: SchemaProblem[],
  ) {}

  walk(node: unknown, pointer: Path, newPointer: Path): JsonSchema | undefined {
    if (typeof node === 'boolean') return node;
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      this.invalid(pointer, `expected a schema (an object or a boolean), found ${describe(node)}; dropped`);
      return undefined;
    }
    this.newPaths.set(node, newPointer);
    const source = node as Record<string, unknown>;
    const out: JsonSchemaObject = {};
    const at = (key: string) => child(pointer, key);
    const outAt = (key: string) => child(newPointer, key);

    for (const [key, value] of Object.entries(source)) {
      if (key === '$schema' || key === '$vocabulary') continue; // declared once at the document root
      if (key === 'id' || key === '$id') {
        this.note(pointer, key);
        continue;
      }
      if (key.startsWith('x-') || OPENAPI_ONLY.has(key) || key === 'nullable') {
        if (key !== 'nullable') this.note(pointer, key);
        continue;
      }
      switch (key) {
        case 'definitions':
        case '$defs': {
          const defs = this.walkMap(value, at(key), outAt('$defs'));
          if (defs) out.$defs = { ...(out.$defs as object | undefined), ...defs };
          continue;
        }
        case 'items':
          if (Array.isArray(value)) {
            const prefix = this.walkArray(value, at(key), outAt('prefixItems'));
            if (prefix) out.prefixItems = prefix;
            if ('additionalItems' in source) {
              const rest = this.walk(source.additionalItems, at('additionalItems'), outAt('items'));
              if (rest !== undefined) out.items = rest;
            }
          } else {
            const items = this.walk(value, at(key), outAt('items'));
            if (items !== undefined) out.items = items;
          }
          continue;
        case 'additionalItems':
          if (!Array.isArray(source.items)) this.note(pointer, key); // ignored by every draft unless items is an array
          continue;
        case 'dependencies':
          this.walkDependencies(value, at(key), newPointer, out);
          continue;
        case 'example':
          out.examples = [...((out.examples as unknown[] | undefined) ?? []), value];
          continue;
        case 'examples':
          if (Array.isArray(value)) out.examples = [...value, ...((out.examples as unknown[] | undefined) ?? [])];
          else this.invalid(at(key), `examples must be an array, found ${describe(value)}; dropped`);
          continue;
        case 'exclusiveMaximum':
        case 'exclusiveMinimum':
          this.exclusiveBound(key, value, at(key), out);
          continue;
        case '$ref':
          this.ref(value, at(key), out);
          continue;
        case '$anchor': {
          const problem = keywordValueProblem(key, value);
          if (problem) this.invalid(at(key), `$anchor must be ${problem}, found ${describe(value)}; dropped`);
          else {
            this.anchors.add(value as string);
            out.$anchor = value;
          }
          continue;
        }
        case 'type': {
          const type = this.type(value, at(key));
          if (type !== undefined) out.type = type;
          continue;
        }
        case 'format':
          if (typeof value !== 'string') this.invalid(at(key), `format must be a string, found ${describe(value)}; dropped`);
          else if (!KNOWN_FORMATS.has(value)) this.note(pointer, `format "${value}"`);
          else out.format = value;
          continue;
        case 'pattern': {
          const problem = typeof value === 'string' ? patternProblem(value) : 'not a string';
          if (problem) this.invalid(at(key), `pattern ${JSON.stringify(value)} cannot be run safely (${problem}); dropped`);
          else out.pattern = value;
          continue;
        }
        case 'patternProperties':
          this.patternProperties(value, at(key), outAt(key), out);
          continue;
        case 'enum':
          if (Array.isArray(value) && value.length === 0) {
            // an empty enum admits no value; ajv refuses to compile it, `not: true` says the same
            this.invalid(at(key), 'enum is empty, so no value can match; rewritten as `not: true`');
            out.not = true;
            continue;
          }
          break;
        case 'required':
          if (Array.isArray(value)) {
            const names = value.filter((name): name is string => typeof name === 'string');
            if (names.length < value.length) this.invalid(at(key), `required must list names (strings); ${value.length - names.length} other value(s) dropped`);
            out.required = [...new Set(names)];
          } else if (typeof value !== 'boolean') {
            this.invalid(at(key), `required must be an array of names, found ${describe(value)}; dropped`);
          }
          // draft-03's boolean `required` on a property is meaningless in 2020-12
          continue;
      }
      if (SINGLE_SUBSCHEMA.has(key)) {
        const sub = this.walk(value, at(key), outAt(key));
        if (sub !== undefined) out[key] = sub;
      } else if (ARRAY_OF_SUBSCHEMAS.has(key)) {
        const subs = this.walkArray(value, at(key), outAt(key));
        if (subs) out[key] = subs;
      } else if (MAP_OF_SUBSCHEMAS.has(key)) {
        const subs = this.walkMap(value, at(key), outAt(key));
        if (subs) out[key] = subs;
      } else if (KEYWORDS_2020_12.has(key)) {
        const problem = keywordValueProblem(key, value);
        if (problem) this.invalid(at(key), `${key} must be ${problem}, found ${describe(value)}; dropped`);
        else out[key] = value;
      } else {
        this.note(pointer, key);
      }
    }

    draft04Bounds(source, out);
    if (source.nullable === true) addNull(out);
    for (const keyword of ignoredKeywords(out)) {
      delete out[keyword];
      this.note(pointer, `${keyword} (it has no effect without ${IGNORED_WITHOUT[keyword]!.join(' or ')})`);
    }
    return out;
  }

  /** Replaces each local `$ref` by the pointer of its target in the output, or drops it; true if any is kept. */
  resolveRefs(): boolean {
    let kept = false;
    for (const { holder, ref, path: pointer } of this.refs) {
      if (ref.startsWith('#') && !ref.startsWith('#/') && ref !== '#') {
        if (this.anchors.has(ref.slice(1))) {
          holder.$ref = ref;
          kept = true;
        } else this.invalid(pointer, `$ref ${JSON.stringify(ref)} names no $anchor in this schema; dropped`);
        continue;
      }
      const tokens = fragmentTokens(ref);
      const target = tokens && resolveTokens(this.root, tokens);
      const newPath = target !== null && typeof target === 'object' ? this.newPaths.get(target) : undefined;
      if (newPath === undefined && typeof target !== 'boolean') {
        this.invalid(pointer, `$ref ${JSON.stringify(ref)} points to nothing in this schema; dropped`);
        continue;
      }
      if (typeof target === 'boolean') {
        // a ref to a boolean schema: inline it (a boolean has no identity to point at)
        if (target === false) holder.not = true;
        continue;
      }
      holder.$ref = pointerToFragment(pointerOf(newPath!));
      kept = true;
    }
    for (const [path, keywords] of this.dropped) {
      this.problems.push({
        ruleId: 'schema/normalised',
        pointer: pointerOf(path),
        message: `dropped ${keywords.join(', ')}: not JSON Schema 2020-12 (no validator would check ${keywords.length > 1 ? 'them' : 'it'})`,
      });
    }
    return kept;
  }

  private walkArray(value: unknown, pointer: Path, newPointer: Path): JsonSchema[] | undefined {
    if (!Array.isArray(value)) {
      this.invalid(pointer, `expected an array of schemas, found ${describe(value)}; dropped`);
      return undefined;
    }
    const out: JsonSchema[] = [];
    value.forEach((item, index) => {
      const sub = this.walk(item, child(pointer, index), child(newPointer, out.length));
      if (sub !== undefined) out.push(sub);
    });
    return out.length > 0 ? out : undefined;
  }

  private walkMap(value: unknown, pointer: Path, newPointer: Path): Record<string, JsonSchema> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.invalid(pointer, `expected an object of schemas, found ${describe(value)}; dropped`);
      return undefined;
    }
    const out: Record<string, JsonSchema> = {};
    for (const [name, item] of Object.entries(value)) {
      const sub = this.walk(item, child(pointer, name), child(newPointer, name));
      if (sub !== undefined) out[name] = sub;
    }
    return out;
  }

  private walkDependencies(value: unknown, pointer: Path, newPointer: Path, out: JsonSchemaObject): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.invalid(pointer, `dependencies must be an object, found ${describe(value)}; dropped`);
      return;
    }
    for (const [name, dependency] of Object.entries(value)) {
      if (Array.isArray(dependency)) {
        const names = [...new Set(dependency.filter((d): d is string => typeof d === 'string'))];
        if (names.length < dependency.length) this.invalid(child(pointer, name), `dependencies must list distinct property names; other values dropped`);
        out.dependentRequired = { ...(out.dependentRequired as object | undefined), [name]: names };
      } else {
        const sub = this.walk(dependency, child(pointer, name), child(child(newPointer, 'dependentSchemas'), name));
        if (sub !== undefined) out.dependentSchemas = { ...(out.dependentSchemas as object | undefined), [name]: sub };
      }
    }
  }

  private patternProperties(value: unknown, pointer: Path, newPointer: Path, out: JsonSchemaObject): void {
    const subs = this.walkMap(value, pointer, newPointer);
    if (!subs) return;
    for (const pattern of Object.keys(subs)) {
      const problem = patternProblem(pattern);
      if (problem) {
        this.invalid(child(pointer, pattern), `patternProperties key ${JSON.stringify(pattern)} cannot be run safely (${problem}); dropped`);
        delete subs[pattern];
      }
    }
    out.patternProperties = subs;
  }

  private exclusiveBound(key: string, value: unknown, pointer: Path, out: JsonSchemaObject): void {
    if (typeof value === 'number') out[key] = value;
    else if (typeof value !== 'boolean') this.invalid(pointer, `${key} must be a number, found ${describe(value)}; dropped`);
    // a boolean is draft-04's qualifier of minimum/maximum, converted after the walk (draft04Bounds)
  }

  private ref(value: unknown, pointer: Path, out: JsonSchemaObject): void {
    if (typeof value !== 'string') {
      this.invalid(pointer, `$ref must be a string, found ${describe(value)}; dropped`);
    } else if (!value.startsWith('#')) {
      this.invalid(pointer, `$ref ${JSON.stringify(value)} points outside this schema; remote references are never fetched; dropped`);
    } else {
      this.refs.push({ holder: out, ref: value, path: pointer });
    }
  }

  private type(value: unknown, pointer: Path): string | string[] | undefined {
    const list = Array.isArray(value) ? value : [value];
    const kept: string[] = [];
    for (const item of list) {
      if (typeof item === 'string' && JSON_TYPES.has(item)) {
        if (!kept.includes(item)) kept.push(item);
      } else if (item === 'any') {
        return undefined; // draft-03 "any": no constraint at all
      } else {
        this.invalid(pointer, `type ${JSON.stringify(item)} is not a JSON Schema type; dropped`);
      }
    }
    if (kept.length === 0) return undefined;
    return Array.isArray(value) ? kept : kept[0];
  }

  private note(pointer: Path, keyword: string): void {
    const list = this.dropped.get(pointer);
    if (list) list.push(keyword);
    else this.dropped.set(pointer, [keyword]);
  }

  private invalid(pointer: Path, message: string): void {
    this.problems.push({ ruleId: 'schema/invalid', pointer: pointerOf(pointer), message });
  }
}

/** Keywords that do nothing without a partner (ajv's strict mode rejects them as a likely mistake). */
const IGNORED_WITHOUT: Record<string, string[]> = {
  minContains: ['contains'],
  maxContains: ['contains'],
  then: ['if'],
  else: ['if'],
  if: ['then', 'else'],
};

function ignoredKeywords(schema: JsonSchemaObject): string[] {
  return Object.keys(IGNORED_WITHOUT).filter((keyword) => keyword in schema && !IGNORED_WITHOUT[keyword]!.some((partner) => partner in schema));
}

/** draft-04: `exclusiveMaximum: true` turns `maximum` exclusive; 2020-12 says it with a number. */
function draft04Bounds(source: Record<string, unknown>, out: JsonSchemaObject): void {
  for (const [exclusive, bound] of [['exclusiveMaximum', 'maximum'], ['exclusiveMinimum', 'minimum']] as const) {
    if (source[exclusive] === true && typeof source[bound] === 'number') {
      out[exclusive] = source[bound];
      delete out[bound];
    }
  }
}

function addNull(schema: JsonSchemaObject): void {
  if (typeof schema.type === 'string' && schema.type !== 'null') schema.type = [schema.type, 'null'];
  else if (Array.isArray(schema.type) && !schema.type.includes('null')) schema.type = [...schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
