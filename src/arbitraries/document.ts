import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { canonicalJson } from '../util/canonical-json.ts';
import { contentHash } from '../util/hash.ts';
import { unsupported } from './errors.ts';
import { createGeneratorAjv } from './validator.ts';
import { isPlainObject, joinPointer, pointerToFragment, unescapePointerToken } from './json.ts';
import { forEachSubschema, isSchemaLike, type RawSchema } from './keywords.ts';

/**
 * A schema document made ready for generation, once per document:
 * - draft-07 (and draft-04/2019-09) spellings are rewritten to 2020-12 (`items: [...]` →
 *   `prefixItems`, `additionalItems`, `dependencies`, boolean `exclusiveMinimum`), so one
 *   validator (Ajv2020) and one generator serve both;
 * - every `$ref` (JSON pointer with escapes, `$anchor`, `$id`-relative) is resolved once and
 *   rewritten to an absolute `urn:apiconform:<hash>#/pointer`, so any subschema, or any schema
 *   the generator composes from subschemas, compiles on its own against the same document;
 * - a `$ref` to another document is served from `options.schemas` or the bundled meta-schemas
 *   (draft-07, 2020-12): that document is embedded under `$defs` and referred to like any other
 *   subschema; nothing is ever fetched;
 * - a `$dynamicRef` becomes a plain reference to the schema it resolves to when that does not
 *   depend on the path taken (see `resolveDynamicRefs`);
 * - the `$ref` graph is searched for cycles: only re-entering a recursive target counts towards
 *   the depth bound.
 */
export interface PreparedDocument {
  /** The document's `$id` in the validator: `urn:apiconform:<content hash>`. */
  readonly uri: string;
  /** The rewritten document (2020-12, absolute refs, no nested `$id`/`$anchor`). */
  readonly root: RawSchema;
  /** The schema to generate for (the root, or `options.pointer` inside it). */
  readonly entry: RawSchema;
  readonly entryPointer: string;
  readonly ajv: Ajv2020;
  /** Where a schema object of the rewritten document sits. */
  pointerOf(schema: object): string | undefined;
  /** The schema a (rewritten) `$ref` points to, and its pointer. */
  resolveRef(ref: string, at: string): { schema: RawSchema; pointer: string };
  /** Whether `pointer` is the target of a `$ref` that can reach itself. */
  isRecursive(pointer: string): boolean;
  /** `{ $ref: uri#pointer }` for a document schema, the schema itself for a composed one. */
  reference(schema: RawSchema): RawSchema;
  /** Compiled validator for the conjunction of schemas (document or composed), cached. */
  validator(schemas: readonly RawSchema[]): ValidateFunction;
  /**
   * Validator of the entry schema exactly as the caller's validator sees it; compiled on first
   * use (after the builder's cheap checks, such as the size budget, had their say).
   */
  readonly entryValidator: ValidateFunction;
}

let sharedAjv: Ajv2020 | undefined;
/** Documents already added to each validator instance (adding twice is an error in ajv). */
const registered = new WeakMap<Ajv2020, Set<string>>();

/**
 * The generator's own validator: apiconform's options (createAjv), minus message texts (it only
 * needs verdicts) and ajv's code optimiser, which pays off for validators called millions of times
 * while these are compiled once per schema (compiling without it takes about half the time).
 * `allErrors` stays on: ajv 8.20 with `allErrors: false` accepts `[]` for
 * `{ prefixItems: [{ type: "string" }], contains: { type: "integer" } }` (a wrong verdict).
 */
function defaultAjv(): Ajv2020 {
  // A fresh instance every so many documents: ajv keeps every schema it compiled, and its code
  // scope grows with them, so one instance for a whole catalogue would grow without bound and
  // compile ever more slowly. Arbitraries built earlier keep their own instance alive.
  if (!sharedAjv || sharedDocuments >= DOCUMENTS_PER_AJV) {
    sharedAjv = createGeneratorAjv({ messages: false, code: { optimize: false } });
    sharedDocuments = 0;
  }
  sharedDocuments++;
  return sharedAjv;
}

const DOCUMENTS_PER_AJV = 200;
let sharedDocuments = 0;

export function prepareDocument(
  input: unknown,
  entryPointer: string,
  ajv: Ajv2020 = defaultAjv(),
  schemas: Readonly<Record<string, unknown>> = {},
): PreparedDocument {
  if (!isSchemaLike(input)) throw unsupported('', `a schema must be an object or a boolean, got ${describeValue(input)}`);
  const legacy = isLegacyDialect(input);
  const upgraded = bundleExternal(upgrade(input, legacy), legacy, schemas);
  const uri = `urn:apiconform:${contentHash(canonicalJson(upgraded))}`;
  const { root, refs } = rewriteReferences(upgraded, uri);

  const pointers = new WeakMap<object, string>();
  indexPointers(root, '', pointers);
  const recursive = recursiveTargets(refs);

  let added = registered.get(ajv);
  if (!added) registered.set(ajv, (added = new Set()));
  if (!added.has(uri)) {
    try {
      ajv.addSchema(root as object, uri);
    } catch (error) {
      throw unsupported('', `the validator rejects the schema: ${(error as Error).message}`, error);
    }
    added.add(uri);
  }
  const compile = (fragmentPointer: string): ValidateFunction => {
    try {
      const fn = ajv.getSchema(uri + pointerToFragment(fragmentPointer));
      if (!fn) throw new Error(`no schema at ${fragmentPointer}`);
      return guardRecursion(fn as ValidateFunction, fragmentPointer);
    } catch (error) {
      throw unsupported(fragmentPointer, `the validator cannot compile the schema: ${(error as Error).message}`, error);
    }
  };

  const entry = entryPointer === '' ? root : lookup(root, entryPointer);
  if (entry === undefined) throw unsupported(entryPointer, 'no schema at this pointer of the document');
  let entryValidator: ValidateFunction | undefined;

  const byKey = new Map<string, ValidateFunction>();
  const reference = (schema: RawSchema): RawSchema => {
    if (typeof schema === 'boolean') return schema;
    const pointer = pointers.get(schema);
    return pointer === undefined ? schema : { $ref: uri + pointerToFragment(pointer) };
  };

  return {
    uri,
    root,
    entry,
    entryPointer,
    ajv,
    pointerOf: (schema) => pointers.get(schema),
    isRecursive: (pointer) => recursive.has(pointer),
    reference,
    get entryValidator() {
      return (entryValidator ??= compile(entryPointer));
    },
    resolveRef(ref, at) {
      const fragment = ref.startsWith(uri) ? ref.slice(uri.length) : ref;
      if (!fragment.startsWith('#')) throw unsupported(at, `$ref "${ref}" does not point into this document`);
      const pointer = decodeFragment(fragment.slice(1));
      const schema = pointer === '' ? root : lookup(root, pointer);
      if (schema === undefined) throw unsupported(at, `$ref "${ref}" points to nothing`);
      return { schema, pointer };
    },
    validator(schemas) {
      if (schemas.length === 1) {
        const only = schemas[0]!;
        const pointer = typeof only === 'object' ? pointers.get(only) : undefined;
        if (pointer !== undefined) return compile(pointer);
      }
      const composed = schemas.length === 1 ? reference(schemas[0]!) : { allOf: schemas.map(reference) };
      const key = canonicalJson(composed);
      let fn = byKey.get(key);
      if (!fn) {
        try {
          fn = guardRecursion(ajv.compile(typeof composed === 'boolean' ? composed : (composed as object)) as ValidateFunction, '');
        } catch (error) {
          throw unsupported('', `the validator cannot compile a composed schema: ${(error as Error).message}`, error);
        }
        byKey.set(key, fn);
      }
      return fn;
    },
  };
}

/**
 * A schema whose `$ref`s form a cycle that consumes no data (`{ $defs: { a: { oneOf: [{ $ref: '#/$defs/a' }] } } }`)
 * makes ajv's validator recurse until the stack overflows, whatever the value. That is turned into
 * the typed `unsupported` error instead of a crash.
 */
export function guardRecursion(fn: ValidateFunction, pointer: string): ValidateFunction {
  const guarded = ((data: unknown) => {
    try {
      const valid = fn(data);
      guarded.errors = fn.errors;
      return valid;
    } catch (error) {
      if (error instanceof RangeError) {
        throw unsupported(pointer, 'the validator recurses without end on this schema (a $ref cycle that consumes no data)', error);
      }
      throw error;
    }
  }) as ValidateFunction;
  return guarded;
}

function describeValue(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function isLegacyDialect(schema: RawSchema): boolean {
  if (typeof schema === 'boolean') return false;
  const dialect = schema.$schema;
  return typeof dialect === 'string' && /draft-0[3-7]/.test(dialect);
}

function lookup(root: RawSchema, pointer: string): RawSchema | undefined {
  let node: unknown = root;
  for (const token of pointer.split('/').slice(1).map(unescapePointerToken)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isPlainObject(node)) node = Object.prototype.hasOwnProperty.call(node, token) ? node[token] : undefined;
    else return undefined;
  }
  return isSchemaLike(node) ? node : undefined;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * draft-07 and older spellings → 2020-12. Siblings of a draft-07 `$ref` are kept: the spec says
 * to ignore them, but ajv (the validator values must satisfy) applies them in every draft.
 * `legacy` turns draft-04's `id` into `$id`.
 */
function upgrade(schema: RawSchema, legacy: boolean): RawSchema {
  if (typeof schema === 'boolean') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    out[key] = value;
  }
  if (legacy && typeof out.id === 'string' && out.$id === undefined) {
    out.$id = out.id;
    delete out.id;
  }
  if (Array.isArray(out.items)) {
    out.prefixItems = out.items;
    if ('additionalItems' in out) out.items = out.additionalItems;
    else delete out.items;
  }
  delete out.additionalItems;
  if (isPlainObject(out.dependencies)) {
    const dependentRequired: Record<string, unknown> = isPlainObject(out.dependentRequired) ? { ...out.dependentRequired } : {};
    const dependentSchemas: Record<string, unknown> = isPlainObject(out.dependentSchemas) ? { ...out.dependentSchemas } : {};
    for (const [name, value] of Object.entries(out.dependencies)) {
      if (Array.isArray(value)) dependentRequired[name] = value;
      else dependentSchemas[name] = value;
    }
    delete out.dependencies;
    if (Object.keys(dependentRequired).length > 0) out.dependentRequired = dependentRequired;
    if (Object.keys(dependentSchemas).length > 0) out.dependentSchemas = dependentSchemas;
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else delete out[flag];
  }
  for (const key of Object.keys(out)) {
    const value = out[key];
    if (['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'].includes(key) && isPlainObject(value)) {
      const map: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(value)) map[name] = isSchemaLike(child) ? upgrade(child, legacy) : child;
      out[key] = map;
    } else if (['allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(key) && Array.isArray(value)) {
      out[key] = value.map((child) => (isSchemaLike(child) ? upgrade(child, legacy) : child));
    } else if (
      ['additionalProperties', 'items', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties'].includes(key) &&
      isSchemaLike(value)
    ) {
      out[key] = upgrade(value, legacy);
    }
  }
  return out;
}

interface RefEdge {
  /** Pointer of the schema holding the `$ref`. */
  at: string;
  target: string;
}

const PLACEHOLDER_BASE = 'https://apiconform.invalid/schema.json';

/** Where documents brought in from outside are embedded: `$defs` of the root, under their URL. */
const BUNDLE_DEFS = '$defs';

const require = createRequire(import.meta.url);
let metaSchemas: Map<string, unknown> | undefined;

/** The meta-schemas ajv ships (draft-07; 2020-12 and its vocabularies), by their `$id`. */
function bundledMetaSchemas(): Map<string, unknown> {
  if (!metaSchemas) {
    metaSchemas = new Map();
    const files = [
      'json-schema-draft-07.json',
      'json-schema-2020-12/schema.json',
      ...['core', 'applicator', 'unevaluated', 'validation', 'meta-data', 'format-annotation', 'content'].map((m) => `json-schema-2020-12/meta/${m}.json`),
    ];
    for (const file of files) {
      const schema = require(`ajv/dist/refs/${file}`) as { $id: string };
      metaSchemas.set(resourceKey(schema.$id), schema);
    }
  }
  return metaSchemas;
}

/** A document URL without its (empty) fragment: the key resources are found by. */
function resourceKey(url: string): string {
  const absolute = safeUrl(url, PLACEHOLDER_BASE) ?? url;
  return splitFragment(absolute)[0];
}

/**
 * Embeds, under the root's `$defs`, every document a `$ref` (or `$dynamicRef`) names that is not
 * in the document but is one of `schemas` (by URL) or a bundled meta-schema, recursively. An
 * embedded document keeps (or, lacking one, gets) an absolute `$id`, so the refs inside it resolve
 * against its own URL; one whose `$id` differs from the URL it is known by sits in a wrapper
 * with that URL as `$id` and a `$ref` to it.
 */
function bundleExternal(schema: RawSchema, legacy: boolean, schemas: Readonly<Record<string, unknown>>): RawSchema {
  if (typeof schema === 'boolean') return schema;
  const known = new Map<string, unknown>(bundledMetaSchemas());
  for (const [url, document] of Object.entries(schemas)) known.set(resourceKey(url), document);
  let root = schema;
  const embedded = new Set<string>();
  for (let round = 0; round < 64; round++) {
    const { resources, refs } = collectResources(root);
    const missing = [...new Set(refs.map((r) => r.resource))].filter((r) => !resources.has(r) && !embedded.has(r) && known.has(r));
    if (missing.length === 0) break;
    const defs: Record<string, unknown> = isPlainObject(root[BUNDLE_DEFS]) ? { ...(root[BUNDLE_DEFS] as Record<string, unknown>) } : {};
    for (const url of missing) {
      embedded.add(url);
      const document = known.get(url);
      if (!isSchemaLike(document)) continue;
      let copy = upgrade(document, legacy || isLegacyDialect(document));
      if (typeof copy === 'object') {
        const id = typeof copy.$id === 'string' ? safeUrl(copy.$id, url) : undefined;
        // Known by another URL than its $id: a wrapper with that URL refers to it.
        copy = id === undefined ? { ...copy, $id: url } : resourceKey(id) === url ? copy : { $id: url, $ref: id, $defs: { document: copy } };
      }
      defs[url] = copy;
    }
    root = { ...root, [BUNDLE_DEFS]: defs };
  }
  return root;
}

interface Collected {
  /** Schema resources (absolute URL without fragment) → pointer. */
  resources: Map<string, string>;
  /** `$anchor`s (and `$id` fragments) as `resource#name` → pointer. */
  anchors: Map<string, string>;
  /** `$dynamicAnchor`s: name → resource URL and pointer of each schema declaring it. */
  dynamicAnchors: Map<string, Array<{ resource: string; pointer: string }>>;
  /** Resource URL each schema object's pointer belongs to. */
  resourceAt: Map<string, string>;
  refs: Array<{ at: string; base: string; ref: string; resource: string; dynamic: boolean }>;
}

function collectResources(schema: RawSchema): Collected {
  const out: Collected = { resources: new Map(), anchors: new Map(), dynamicAnchors: new Map(), resourceAt: new Map(), refs: [] };
  const collect = (node: RawSchema, pointer: string, parentBase: string) => {
    if (typeof node === 'boolean') return;
    let base = parentBase;
    if (typeof node.$id === 'string') {
      const resolved = safeUrl(node.$id, parentBase);
      if (resolved) {
        const [resource, fragment] = splitFragment(resolved);
        base = resource;
        if (!out.resources.has(resource)) out.resources.set(resource, pointer);
        if (fragment) out.anchors.set(`${resource}#${fragment}`, pointer);
      }
    }
    out.resourceAt.set(pointer, base);
    if (typeof node.$anchor === 'string') out.anchors.set(`${base}#${node.$anchor}`, pointer);
    if (typeof node.$dynamicAnchor === 'string') {
      out.anchors.set(`${base}#${node.$dynamicAnchor}`, pointer);
      const list = out.dynamicAnchors.get(node.$dynamicAnchor) ?? [];
      list.push({ resource: base, pointer });
      out.dynamicAnchors.set(node.$dynamicAnchor, list);
    }
    for (const keyword of ['$ref', '$dynamicRef'] as const) {
      const ref = node[keyword];
      if (typeof ref !== 'string') continue;
      const absolute = safeUrl(ref, base);
      out.refs.push({ at: pointer, base, ref, resource: absolute ? splitFragment(absolute)[0] : '', dynamic: keyword === '$dynamicRef' });
    }
    forEachSubschema(node, (child, tokens) => collect(child, joinPointer(pointer, ...tokens), base));
  };
  out.resources.set(PLACEHOLDER_BASE, '');
  collect(schema, '', PLACEHOLDER_BASE);
  return out;
}

/**
 * Resolves every `$ref` against `$id` bases and `$anchor`s and rewrites it to an absolute pointer
 * reference into this document; nested `$id`/`$anchor` are removed (nothing refers to them any
 * more), the root gets `uri` as its `$id`. A `$dynamicRef` is rewritten to a `$ref` when its
 * target is the same whatever path leads to it (see `dynamicTarget`), else it is refused.
 */
function rewriteReferences(schema: RawSchema, uri: string): { root: RawSchema; refs: RefEdge[] } {
  const collected = collectResources(schema);
  const { resources, anchors } = collected;

  const targets = new Map<string, string>();
  const refs: RefEdge[] = [];
  for (const { at, base, ref, dynamic } of collected.refs) {
    const absolute = safeUrl(ref, base);
    if (!absolute) throw unsupported(at, `$ref "${ref}" is not a valid URI reference`);
    const [resource, fragment] = splitFragment(absolute);
    const resourcePointer = resources.get(resource);
    if (resourcePointer === undefined) throw unsupported(at, `$ref "${ref}" points outside the document (remote references are never fetched)`);
    let target: string | undefined;
    if (fragment === '' || fragment.startsWith('/')) target = legacyPointer(schema, resourcePointer + decodeFragment(fragment));
    else target = anchors.get(`${resource}#${fragment}`);
    if (target === undefined) throw unsupported(at, `$ref "${ref}" names an anchor the document does not define`);
    if (dynamic) target = dynamicTarget(schema, collected, at, fragment, target);
    // A schema with both `$ref` and `$dynamicRef` is refused below.
    if (targets.has(at)) continue;
    targets.set(at, target);
    refs.push({ at, target });
  }
  const rewrite = (node: RawSchema, pointer: string, isRoot: boolean): RawSchema => {
    if (typeof node === 'boolean') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$anchor' || key === '$dynamicAnchor' || key === '$schema' || key === '$dynamicRef') continue;
      if (key === '$id') continue;
      out[key] = value;
    }
    if (isRoot) out.$id = uri;
    const target = targets.get(pointer);
    if (target !== undefined) out.$ref = uri + pointerToFragment(target);
    forEachSubschema(node, (child, tokens) => {
      const rewritten = rewrite(child, joinPointer(pointer, ...tokens), false);
      if (tokens.length === 1) out[tokens[0]!] = rewritten;
      else {
        const [key, name] = tokens as [string, string];
        const container = out[key];
        if (Array.isArray(container)) {
          if (container === node[key]) out[key] = container.slice();
          (out[key] as unknown[])[Number(name)] = rewritten;
        } else {
          if (container === node[key]) out[key] = { ...(container as object) };
          (out[key] as Record<string, unknown>)[name] = rewritten;
        }
      }
    });
    if (typeof node.$ref === 'string' && typeof node.$dynamicRef === 'string') {
      throw unsupported(joinPointer(pointer, '$dynamicRef'), '`$ref` and `$dynamicRef` in one schema are not supported by the generator');
    }
    return out;
  };
  return { root: rewrite(schema, '', true), refs };
}

/**
 * Where a `$dynamicRef` goes. It starts as a `$ref`; if the schema it reaches declares a
 * `$dynamicAnchor` of that name, the outermost schema resource of the dynamic scope (the path of
 * resources evaluation went through) that declares one wins. That is decided here, once, when
 * the path does not matter: the root resource (always outermost) declares the anchor; or only
 * one resource declares it; or every `$ref` path from the root reaches one declaring resource
 * before any other, and the `$dynamicRef` sits inside a declaring resource (so that one was
 * entered first). Otherwise the target depends on the path and the schema is refused.
 */
function dynamicTarget(schema: RawSchema, collected: Collected, at: string, fragment: string, initial: string): string {
  const isName = fragment !== '' && !fragment.startsWith('/');
  const declared = isName ? collected.dynamicAnchors.get(fragment) ?? [] : [];
  const initialSchema = lookup(schema, initial);
  const initialIsDynamic = typeof initialSchema === 'object' && initialSchema.$dynamicAnchor === fragment;
  if (!isName || !initialIsDynamic || declared.length <= 1) return initial;
  const rootResource = collected.resourceAt.get('') ?? PLACEHOLDER_BASE;
  const inRoot = declared.find((d) => d.resource === rootResource);
  if (inRoot) return inRoot.pointer;
  const declaring = new Set(declared.map((d) => d.resource));
  // Breadth-first over resources from the root, not going past a declaring one.
  const edges = new Map<string, Set<string>>();
  for (const ref of collected.refs) {
    const from = collected.resourceAt.get(ref.at) ?? PLACEHOLDER_BASE;
    const set = edges.get(from) ?? new Set<string>();
    set.add(ref.resource);
    edges.set(from, set);
  }
  const first = new Set<string>();
  const seen = new Set<string>([rootResource]);
  const queue = [rootResource];
  while (queue.length > 0) {
    const next = queue.shift()!;
    for (const to of edges.get(next) ?? []) {
      if (seen.has(to)) continue;
      seen.add(to);
      if (declaring.has(to)) first.add(to);
      else queue.push(to);
    }
  }
  const here = collected.resourceAt.get(at) ?? PLACEHOLDER_BASE;
  if (first.size === 1 && declaring.has(here)) {
    const outermost = [...first][0]!;
    return declared.find((d) => d.resource === outermost)!.pointer;
  }
  throw unsupported(joinPointer(at, '$dynamicRef'), `$dynamicRef "#${fragment}" resolves differently depending on the path taken; the generator does not follow dynamic scopes`);
}

/**
 * A pointer written for draft-07 spellings (`#/items/0`, `#/additionalItems`,
 * `#/dependencies/x`) into the upgraded document, or the pointer unchanged.
 */
function legacyPointer(root: RawSchema, pointer: string): string {
  if (pointer === '' || lookup(root, pointer) !== undefined) return pointer;
  const tokens = pointer.split('/').slice(1).map(unescapePointerToken);
  let node: unknown = root;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i]!;
    if (isPlainObject(node) && !(token in node)) {
      if (token === 'items' && Array.isArray(node.prefixItems)) token = 'prefixItems';
      else if (token === 'additionalItems' && 'items' in node) token = 'items';
      else if (token === 'dependencies' && isPlainObject(node.dependentSchemas)) token = 'dependentSchemas';
    }
    out.push(token);
    node = Array.isArray(node) ? node[Number(token)] : isPlainObject(node) ? node[token] : undefined;
  }
  return joinPointer('', ...out);
}

function safeUrl(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

function splitFragment(url: string): [string, string] {
  const hash = url.indexOf('#');
  return hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash + 1)];
}

function indexPointers(node: RawSchema, pointer: string, pointers: WeakMap<object, string>): void {
  if (typeof node === 'boolean') return;
  if (!pointers.has(node)) pointers.set(node, pointer);
  forEachSubschema(node, (child, tokens) => indexPointers(child, joinPointer(pointer, ...tokens), pointers));
}

/** Targets of `$ref`s that can reach themselves through the refs inside them. */
function recursiveTargets(refs: readonly RefEdge[]): Set<string> {
  const targets = [...new Set(refs.map((r) => r.target))];
  const inside = (target: string, at: string) => target === '' || at === target || at.startsWith(target + '/');
  const edges = new Map<string, string[]>();
  for (const target of targets) edges.set(target, refs.filter((r) => inside(target, r.at)).map((r) => r.target));
  const recursive = new Set<string>();
  for (const start of targets) {
    const seen = new Set<string>();
    const stack = [...(edges.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === start) {
        recursive.add(start);
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(edges.get(next) ?? []));
    }
  }
  return recursive;
}
