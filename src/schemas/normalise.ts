import { canonicalJson } from '../util/canonical-json.ts';
import { contentHash } from '../util/hash.ts';
import { patternProblem } from '../validators/regexp.ts';
import { metaSchemaErrors } from './meta-validate.ts';
import { appendPointer, fragmentTokens, pointerToFragment, resolveTokens } from './pointer.ts';
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
 *   keyword values the 2020-12 meta-schema rejects;
 * - keywords outside 2020-12 and unknown formats are dropped and reported as `schema/normalised`.
 * Pure: the input is not modified. `$ref`s stay local to the body schema (`#/…` from its root);
 * `relocateRefs` moves them when the schema is placed inside an endpoint document.
 */
export function normaliseSchema(raw: unknown): NormalisedSchema {
  const problems: SchemaProblem[] = [];
  const walker = new Walker(raw, problems);
  let schema = walker.walk(raw, '', '') ?? true;
  walker.resolveRefs();
  schema = dropMetaSchemaViolations(schema, problems);
  return { schema, hash: contentHash(canonicalJson(schema)), problems };
}

interface PendingRef {
  holder: JsonSchemaObject;
  ref: string;
  pointer: string;
}

class Walker {
  /** Original schema node → its pointer in the output, so refs can follow renamed keywords. */
  private readonly newPointers = new Map<object, string>();
  private readonly anchors = new Set<string>();
  private readonly refs: PendingRef[] = [];
  private readonly dropped = new Map<string, string[]>();

  constructor(
    private readonly root: unknown,
    private readonly problems: SchemaProblem[],
  ) {}

  walk(node: unknown, pointer: string, newPointer: string): JsonSchema | undefined {
    if (typeof node === 'boolean') return node;
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      this.invalid(pointer, `expected a schema (an object or a boolean), found ${describe(node)}; dropped`);
      return undefined;
    }
    this.newPointers.set(node, newPointer);
    const source = node as Record<string, unknown>;
    const out: JsonSchemaObject = {};
    const at = (key: string) => appendPointer(pointer, key);
    const outAt = (key: string) => appendPointer(newPointer, key);

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
        case '$anchor':
          if (typeof value === 'string') this.anchors.add(value);
          out.$anchor = value;
          continue;
        case 'type': {
          const type = this.type(value, at(key));
          if (type !== undefined) out.type = type;
          continue;
        }
        case 'format':
          if (typeof value === 'string' && !KNOWN_FORMATS.has(value)) this.note(pointer, `format "${value}"`);
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
        case 'required':
          if (Array.isArray(value)) out.required = [...new Set(value)];
          else if (typeof value !== 'boolean') this.invalid(at(key), `required must be an array of names, found ${describe(value)}; dropped`);
          // draft-03's boolean `required` on a property is silently meaningless in 2020-12
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
        out[key] = value;
      } else {
        this.note(pointer, key);
      }
    }

    draft04Bounds(source, out);
    if (source.nullable === true) addNull(out);
    return out;
  }

  /** Replaces each local `$ref` by the pointer of its target in the output, or drops it. */
  resolveRefs(): void {
    for (const { holder, ref, pointer } of this.refs) {
      if (ref.startsWith('#') && !ref.startsWith('#/') && ref !== '#') {
        if (this.anchors.has(ref.slice(1))) holder.$ref = ref;
        else this.invalid(pointer, `$ref ${JSON.stringify(ref)} names no $anchor in this schema; dropped`);
        continue;
      }
      const tokens = fragmentTokens(ref);
      const target = tokens && resolveTokens(this.root, tokens);
      const newPointer = target !== null && typeof target === 'object' ? this.newPointers.get(target) : undefined;
      if (newPointer === undefined && typeof target !== 'boolean') {
        this.invalid(pointer, `$ref ${JSON.stringify(ref)} points to nothing in this schema; dropped`);
        continue;
      }
      if (typeof target === 'boolean') {
        // a ref to a boolean schema: inline it (a boolean has no identity to point at)
        if (target === false) holder.not = true;
        continue;
      }
      holder.$ref = pointerToFragment(newPointer!);
    }
    for (const [pointer, keywords] of this.dropped) {
      this.problems.push({
        ruleId: 'schema/normalised',
        pointer,
        message: `dropped ${keywords.join(', ')}: not JSON Schema 2020-12 (no validator would check ${keywords.length > 1 ? 'them' : 'it'})`,
      });
    }
  }

  private walkArray(value: unknown, pointer: string, newPointer: string): JsonSchema[] | undefined {
    if (!Array.isArray(value)) {
      this.invalid(pointer, `expected an array of schemas, found ${describe(value)}; dropped`);
      return undefined;
    }
    const out: JsonSchema[] = [];
    value.forEach((item, index) => {
      const sub = this.walk(item, appendPointer(pointer, index), appendPointer(newPointer, out.length));
      if (sub !== undefined) out.push(sub);
    });
    return out.length > 0 ? out : undefined;
  }

  private walkMap(value: unknown, pointer: string, newPointer: string): Record<string, JsonSchema> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.invalid(pointer, `expected an object of schemas, found ${describe(value)}; dropped`);
      return undefined;
    }
    const out: Record<string, JsonSchema> = {};
    for (const [name, item] of Object.entries(value)) {
      const sub = this.walk(item, appendPointer(pointer, name), appendPointer(newPointer, name));
      if (sub !== undefined) out[name] = sub;
    }
    return out;
  }

  private walkDependencies(value: unknown, pointer: string, newPointer: string, out: JsonSchemaObject): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.invalid(pointer, `dependencies must be an object, found ${describe(value)}; dropped`);
      return;
    }
    for (const [name, dependency] of Object.entries(value)) {
      if (Array.isArray(dependency)) {
        out.dependentRequired = { ...(out.dependentRequired as object | undefined), [name]: dependency };
      } else {
        const sub = this.walk(dependency, appendPointer(pointer, name), appendPointer(newPointer, 'dependentSchemas', name));
        if (sub !== undefined) out.dependentSchemas = { ...(out.dependentSchemas as object | undefined), [name]: sub };
      }
    }
  }

  private patternProperties(value: unknown, pointer: string, newPointer: string, out: JsonSchemaObject): void {
    const subs = this.walkMap(value, pointer, newPointer);
    if (!subs) return;
    for (const pattern of Object.keys(subs)) {
      const problem = patternProblem(pattern);
      if (problem) {
        this.invalid(appendPointer(pointer, pattern), `patternProperties key ${JSON.stringify(pattern)} cannot be run safely (${problem}); dropped`);
        delete subs[pattern];
      }
    }
    out.patternProperties = subs;
  }

  private exclusiveBound(key: string, value: unknown, pointer: string, out: JsonSchemaObject): void {
    if (typeof value === 'number') out[key] = value;
    else if (typeof value !== 'boolean') this.invalid(pointer, `${key} must be a number, found ${describe(value)}; dropped`);
    // a boolean is draft-04's qualifier of minimum/maximum, converted after the walk (draft04Bounds)
  }

  private ref(value: unknown, pointer: string, out: JsonSchemaObject): void {
    if (typeof value !== 'string') {
      this.invalid(pointer, `$ref must be a string, found ${describe(value)}; dropped`);
    } else if (!value.startsWith('#')) {
      this.invalid(pointer, `$ref ${JSON.stringify(value)} points outside this schema; remote references are never fetched; dropped`);
    } else {
      this.refs.push({ holder: out, ref: value, pointer });
    }
  }

  private type(value: unknown, pointer: string): string | string[] | undefined {
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

  private note(pointer: string, keyword: string): void {
    const list = this.dropped.get(pointer);
    if (list) list.push(keyword);
    else this.dropped.set(pointer, [keyword]);
  }

  private invalid(pointer: string, message: string): void {
    this.problems.push({ ruleId: 'schema/invalid', pointer, message });
  }
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

/**
 * Whatever the walk kept must still satisfy the 2020-12 meta-schema (a `minimum` that is a
 * string, a `required` with numbers…). Each offending keyword is dropped and reported; a handful
 * of passes settles it because every pass removes at least one keyword.
 */
function dropMetaSchemaViolations(schema: JsonSchema, problems: SchemaProblem[]): JsonSchema {
  for (let pass = 0; pass < 20; pass++) {
    const errors = metaSchemaErrors(schema);
    if (errors.length === 0) return schema;
    let removed = 0;
    for (const error of errors) {
      const location = dropKeywordAt(schema, error.instancePath);
      if (location) {
        removed++;
        problems.push({ ruleId: 'schema/invalid', pointer: location, message: `${error.keyword} ${error.message ?? 'is invalid'} at ${location}; dropped` });
      }
    }
    if (removed === 0) break;
  }
  const remaining = metaSchemaErrors(schema);
  if (remaining.length === 0) return schema;
  problems.push({ ruleId: 'schema/invalid', pointer: '', message: `schema still fails the 2020-12 meta-schema (${remaining[0]!.message}); replaced by an empty schema` });
  return true;
}

/** Removes the keyword an instancePath into a schema points into; returns its pointer. */
function dropKeywordAt(schema: JsonSchema, instancePath: string): string | undefined {
  const tokens = instancePath.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = schema;
  let pointer = '';
  for (let i = 0; i < tokens.length; i++) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    const token = tokens[i]!;
    const isLast = i === tokens.length - 1;
    if (!isLast && SINGLE_SUBSCHEMA.has(token)) {
      node = (node as JsonSchemaObject)[token];
      pointer = appendPointer(pointer, token);
    } else if (i + 2 < tokens.length && (ARRAY_OF_SUBSCHEMAS.has(token) || MAP_OF_SUBSCHEMAS.has(token))) {
      node = ((node as JsonSchemaObject)[token] as Record<string, unknown>)?.[tokens[i + 1]!];
      pointer = appendPointer(pointer, token, tokens[i + 1]!);
      i++;
    } else {
      delete (node as JsonSchemaObject)[token];
      return appendPointer(pointer, token);
    }
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
