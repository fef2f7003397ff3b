import type { Ajv2020 } from 'ajv/dist/2020.js';
import equalModule from 'ajv/dist/runtime/equal.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import { fragmentTokens, resolveTokens } from '../../schemas/pointer.ts';
import type { JsonSchema, JsonSchemaObject } from '../../schemas/types.ts';
import { ARRAY_OF_SUBSCHEMAS, JSON_TYPES, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from '../../schemas/vocabulary.ts';

// ajv's runtime helpers are CommonJS with a default export; under ESM interop they may arrive wrapped.
const equal = unwrap(equalModule) as (a: unknown, b: unknown) => boolean;
const ucs2length = unwrap(ucs2lengthModule) as (s: string) => number;

/**
 * Validity without compiling: most catalogue schemas validate exactly one example, and ajv's
 * compile (code generation + `new Function`) costs milliseconds where walking the schema along
 * one body costs microseconds. This decides *only* whether a body is valid, mirroring the
 * generated code of the ajv instance it is given keyword by keyword, quirks included (`properties`
 * and `required` test `data[name] !== undefined`, so inherited names like `constructor` count as
 * present; `uniqueItems` skips items of the wrong scalar type; `multipleOf` compares with
 * `parseInt`). The caller compiles with ajv whenever this says "invalid" (to get ajv's own
 * errors) or the schema is not `interpretable`, so the result is ajv's in every case; the
 * differential tests in test/checks/conformance hold the two together.
 */
export class OneShotValidator {
  private readonly scanned = new WeakMap<object, boolean>();

  /** `ajv`: an instance made by createConformanceAjv (strictNumbers, no ownProperties, allErrors). */
  constructor(private readonly ajv: Ajv2020) {}

  /**
   * True when this validator decides the schema exactly as the ajv instance would and ajv would
   * compile it. Anything it does not model — `$anchor`/`$id`/`$dynamicRef`, `unevaluated*`,
   * `patternProperties`, `prefixItems` (on an empty array inside `not`/`if`, ajv's generated code
   * skips the keywords after it), a keyword ajv's strict mode rejects (a lone `if`, `minContains`
   * without `contains`, an empty `enum`), an unknown format, a non-finite number, a `$ref` that does not
   * land on a schema, a `$ref` cycle that returns to the same place in the body without consuming
   * any of it (ajv recurses until its stack runs out; short-circuiting here would hide that) —
   * sends the schema to ajv instead.
   */
  interpretable(schema: JsonSchema): boolean {
    if (typeof schema === 'boolean') return true;
    let known = this.scanned.get(schema);
    if (known === undefined) {
      known = this.scan(schema, schema, 0) && !hasInPlaceCycle(schema);
      this.scanned.set(schema, known);
    }
    return known;
  }

  /** Whether `data` is valid against `schema`; only meaningful when `interpretable(schema)`. */
  isValid(schema: JsonSchema, data: unknown): boolean {
    return this.valid(schema, data, schema, 0);
  }

  private scan(node: unknown, root: JsonSchemaObject, depth: number): boolean {
    if (typeof node === 'boolean') return true;
    if (node === null || typeof node !== 'object' || Array.isArray(node) || depth > MAX_DEPTH) return false;
    const s = node as JsonSchemaObject;
    for (const [key, value] of Object.entries(s)) {
      if (!this.keywordOk(key, value, s, root)) return false;
      if (SINGLE_SUBSCHEMA.has(key)) {
        if (!this.scan(value, root, depth + 1)) return false;
      } else if (ARRAY_OF_SUBSCHEMAS.has(key)) {
        if (!Array.isArray(value) || value.length === 0) return false;
        for (const item of value) if (!this.scan(item, root, depth + 1)) return false;
      } else if (MAP_OF_SUBSCHEMAS.has(key)) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
        for (const [name, item] of Object.entries(value)) {
          if (name === '__proto__' || !this.scan(item, root, depth + 1)) return false;
        }
      }
    }
    return true;
  }

  private keywordOk(key: string, value: unknown, s: JsonSchemaObject, root: JsonSchemaObject): boolean {
    switch (key) {
      case 'type': {
        const types = Array.isArray(value) ? value : [value];
        return types.length > 0 && types.every((t) => typeof t === 'string' && JSON_TYPES.has(t));
      }
      case 'enum':
        return Array.isArray(value) && value.length > 0 && finiteDeep(value);
      case 'const':
      case 'default':
      case 'examples':
        return finiteDeep(value);
      case 'multipleOf':
        return typeof value === 'number' && Number.isFinite(value) && value > 0;
      case 'maximum':
      case 'exclusiveMaximum':
      case 'minimum':
      case 'exclusiveMinimum':
        return typeof value === 'number' && Number.isFinite(value);
      case 'maxLength':
      case 'minLength':
      case 'maxItems':
      case 'minItems':
      case 'maxProperties':
      case 'minProperties':
        return Number.isSafeInteger(value) && (value as number) >= 0;
      case 'maxContains':
      case 'minContains': {
        if (!Number.isSafeInteger(value) || (value as number) < 0 || s.contains === undefined) return false;
        if (key === 'minContains' && value === 0 && s.maxContains === undefined) return false;
        return !(typeof s.minContains === 'number' && typeof s.maxContains === 'number' && s.minContains > s.maxContains);
      }
      case 'uniqueItems':
      case 'deprecated':
      case 'readOnly':
      case 'writeOnly':
        return typeof value === 'boolean';
      case 'pattern':
        return typeof value === 'string' && this.patternCompiles(value);
      case 'format':
        return typeof value === 'string' && this.ajv.formats[value] !== undefined;
      case 'required':
        return Array.isArray(value) && value.every((name) => typeof name === 'string');
      case 'dependentRequired':
        return isPlainObject(value) && Object.values(value).every((names) => Array.isArray(names) && names.every((n) => typeof n === 'string'));
      case 'if':
        return s.then !== undefined || s.else !== undefined;
      case 'then':
      case 'else':
        return s.if !== undefined;
      case '$ref':
        return typeof value === 'string' && refTarget(root, value) !== undefined;
      case 'title':
      case 'description':
      case '$comment':
      case 'contentEncoding':
      case 'contentMediaType':
        return typeof value === 'string';
      case 'prefixItems':
        // ajv's code for prefixItems leaves its guard variable unset on an empty array, so inside
        // `not`/`if` (compiled to stop at the first error) the keywords after it are skipped:
        // a quirk too entangled with ajv's keyword order to mirror; ajv decides these schemas
        return false;
      case 'properties':
      case 'additionalProperties':
      case 'propertyNames':
      case 'dependentSchemas':
      case 'items':
      case 'contains':
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
      case 'not':
      case '$defs':
      case 'contentSchema':
        return true;
      default:
        return false; // $id, $anchor, $dynamic*, unevaluated*, patternProperties, anything unknown
    }
  }

  private patternCompiles(pattern: string): boolean {
    try {
      this.ajv.opts.code.regExp(pattern, 'u');
      return true;
    } catch {
      return false; // ajv would fail to compile it; ajv itself will say so
    }
  }

  private valid(s: JsonSchema, data: unknown, root: JsonSchema, depth: number): boolean {
    if (s === true) return true;
    if (s === false) return false;
    if (depth > MAX_DEPTH) throw new UndecidedError();
    const next = depth + 1;

    if (s.$ref !== undefined && !this.valid(refTarget(root as JsonSchemaObject, s.$ref as string)!, data, root, next)) return false;
    if (s.type !== undefined && !matchesTypes(typeList(s.type), data, true)) return false;
    if (s.enum !== undefined && !(s.enum as unknown[]).some((value) => equal(data, value))) return false;
    if (s.const !== undefined && !equal(data, s.const)) return false;

    if (typeof data === 'number' && Number.isFinite(data)) {
      if (!this.numberOk(s, data)) return false;
    } else if (typeof data === 'string') {
      if (!this.stringOk(s, data)) return false;
    } else if (Array.isArray(data)) {
      if (!this.arrayOk(s, data, root, next)) return false;
    } else if (data !== null && typeof data === 'object') {
      if (!this.objectOk(s, data as Record<string, unknown>, root, next)) return false;
    }

    if (s.allOf !== undefined && !(s.allOf as JsonSchema[]).every((sub) => this.valid(sub, data, root, next))) return false;
    if (s.anyOf !== undefined && !(s.anyOf as JsonSchema[]).some((sub) => this.valid(sub, data, root, next))) return false;
    if (s.oneOf !== undefined) {
      let passing = 0;
      for (const sub of s.oneOf as JsonSchema[]) if (this.valid(sub, data, root, next) && ++passing > 1) return false;
      if (passing !== 1) return false;
    }
    if (s.not !== undefined && this.valid(s.not as JsonSchema, data, root, next)) return false;
    if (s.if !== undefined) {
      const branch = this.valid(s.if as JsonSchema, data, root, next) ? s.then : s.else;
      if (branch !== undefined && !this.valid(branch as JsonSchema, data, root, next)) return false;
    }
    return true;
  }

  private numberOk(s: JsonSchemaObject, data: number): boolean {
    if (typeof s.maximum === 'number' && (data > s.maximum || Number.isNaN(data))) return false;
    if (typeof s.minimum === 'number' && (data < s.minimum || Number.isNaN(data))) return false;
    if (typeof s.exclusiveMaximum === 'number' && (data >= s.exclusiveMaximum || Number.isNaN(data))) return false;
    if (typeof s.exclusiveMinimum === 'number' && (data <= s.exclusiveMinimum || Number.isNaN(data))) return false;
    if (typeof s.multipleOf === 'number') {
      // ajv: `data / m !== parseInt(data / m)` (no multipleOfPrecision), parseInt going through a string
      const ratio = data / s.multipleOf;
      if (ratio !== parseInt(ratio as unknown as string)) return false;
    }
    return this.formatOk(s, data, 'number');
  }

  private stringOk(s: JsonSchemaObject, data: string): boolean {
    if (typeof s.maxLength === 'number' && ucs2length(data) > s.maxLength) return false;
    if (typeof s.minLength === 'number' && ucs2length(data) < s.minLength) return false;
    if (typeof s.pattern === 'string' && !this.ajv.opts.code.regExp(s.pattern, 'u').test(data)) return false;
    return this.formatOk(s, data, 'string');
  }

  private formatOk(s: JsonSchemaObject, data: string | number, dataType: 'string' | 'number'): boolean {
    if (typeof s.format !== 'string' || !this.ajv.opts.validateFormats) return true;
    return formatAccepts(this.ajv, s.format, data, dataType);
  }

  private arrayOk(s: JsonSchemaObject, data: unknown[], root: JsonSchema, depth: number): boolean {
    if (typeof s.maxItems === 'number' && data.length > s.maxItems) return false;
    if (typeof s.minItems === 'number' && data.length < s.minItems) return false;
    if (s.uniqueItems === true && !uniqueAsAjv(s, data)) return false;
    const prefix = (s.prefixItems as JsonSchema[] | undefined) ?? [];
    for (let i = 0; i < Math.min(prefix.length, data.length); i++) if (!this.valid(prefix[i]!, data[i], root, depth)) return false;
    if (s.items !== undefined) {
      for (let i = prefix.length; i < data.length; i++) if (!this.valid(s.items as JsonSchema, data[i], root, depth)) return false;
    }
    if (s.contains !== undefined) {
      const min = typeof s.minContains === 'number' ? s.minContains : 1;
      const max = typeof s.maxContains === 'number' ? s.maxContains : undefined;
      let count = 0;
      for (const item of data) if (this.valid(s.contains as JsonSchema, item, root, depth)) count++;
      if (count < min || (max !== undefined && count > max)) return false;
    }
    return true;
  }

  private objectOk(s: JsonSchemaObject, data: Record<string, unknown>, root: JsonSchema, depth: number): boolean {
    if (typeof s.maxProperties === 'number' && Object.keys(data).length > s.maxProperties) return false;
    if (typeof s.minProperties === 'number' && Object.keys(data).length < s.minProperties) return false;
    if (s.required !== undefined && !(s.required as string[]).every((name) => data[name] !== undefined)) return false;
    if (s.dependentRequired !== undefined) {
      for (const [name, needs] of Object.entries(s.dependentRequired as Record<string, string[]>)) {
        if (data[name] !== undefined && !needs.every((need) => data[need] !== undefined)) return false;
      }
    }
    const properties = s.properties as Record<string, JsonSchema> | undefined;
    if (properties !== undefined) {
      for (const [name, sub] of Object.entries(properties)) {
        if (data[name] !== undefined && !this.valid(sub, data[name], root, depth)) return false;
      }
    }
    if (s.additionalProperties !== undefined) {
      for (const key in data) {
        if (properties !== undefined && Object.prototype.hasOwnProperty.call(properties, key)) continue;
        if (!this.valid(s.additionalProperties as JsonSchema, data[key], root, depth)) return false;
      }
    }
    if (s.propertyNames !== undefined) {
      for (const key in data) if (!this.valid(s.propertyNames as JsonSchema, key, root, depth)) return false;
    }
    if (s.dependentSchemas !== undefined) {
      for (const [name, sub] of Object.entries(s.dependentSchemas as Record<string, JsonSchema>)) {
        if (data[name] !== undefined && !this.valid(sub, data, root, depth)) return false;
      }
    }
    return true;
  }
}

/**
 * Whether the ajv instance's format `name` accepts `data`, as ajv's `format` keyword decides: a
 * format applies only to data of its own type (`int32` to numbers, `date-time` to strings); an
 * unknown format or one defined as `true` accepts everything.
 */
export function formatAccepts(ajv: Ajv2020, name: string, data: string | number, dataType: 'string' | 'number' = typeof data === 'number' ? 'number' : 'string'): boolean {
  const definition = ajv.formats[name];
  if (definition === undefined || definition === true) return true;
  let formatType = 'string';
  let check: unknown = definition;
  if (typeof definition === 'object' && !(definition instanceof RegExp)) {
    formatType = definition.type ?? 'string';
    check = definition.validate;
  }
  if (formatType !== dataType) return true;
  if (typeof check === 'function') return Boolean((check as (value: unknown) => unknown)(data));
  return (check as RegExp).test(data as string);
}

/** Thrown when the walk goes deeper than any sane schema (a `$ref` cycle that never consumes data). */
export class UndecidedError extends Error {
  override readonly name = 'UndecidedError';
  constructor() {
    super('schema recursion too deep to decide without ajv');
  }
}

const MAX_DEPTH = 400;

/** Keywords that apply their subschemas to the same place in the body (no data consumed). */
const IN_PLACE_SINGLE = ['not', 'if', 'then', 'else'];
const IN_PLACE_ARRAY = ['allOf', 'anyOf', 'oneOf'];

/** Whether following in-place keywords and `$ref`s from some subschema leads back to it. */
function hasInPlaceCycle(root: JsonSchemaObject): boolean {
  const state = new Map<object, 'visiting' | 'done'>();
  const inPlace = (s: JsonSchemaObject): JsonSchema[] => {
    const out: JsonSchema[] = [];
    for (const key of IN_PLACE_SINGLE) if (s[key] !== undefined) out.push(s[key] as JsonSchema);
    for (const key of IN_PLACE_ARRAY) if (Array.isArray(s[key])) out.push(...(s[key] as JsonSchema[]));
    if (isPlainObject(s.dependentSchemas)) out.push(...(Object.values(s.dependentSchemas) as JsonSchema[]));
    if (typeof s.$ref === 'string') {
      const target = refTarget(root, s.$ref);
      if (target !== undefined) out.push(target);
    }
    return out;
  };
  const visit = (node: JsonSchema): boolean => {
    if (typeof node === 'boolean') return false;
    const seen = state.get(node);
    if (seen === 'visiting') return true;
    if (seen === 'done') return false;
    state.set(node, 'visiting');
    const cycle = inPlace(node).some(visit);
    state.set(node, 'done');
    return cycle;
  };
  for (const node of allSubschemas(root)) if (visit(node)) return true;
  return false;
}

function allSubschemas(schema: JsonSchema): JsonSchemaObject[] {
  const out: JsonSchemaObject[] = [];
  const stack: JsonSchema[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'boolean') continue;
    out.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (SINGLE_SUBSCHEMA.has(key)) stack.push(value as JsonSchema);
      else if (ARRAY_OF_SUBSCHEMAS.has(key) && Array.isArray(value)) stack.push(...(value as JsonSchema[]));
      else if (MAP_OF_SUBSCHEMAS.has(key) && isPlainObject(value)) stack.push(...(Object.values(value) as JsonSchema[]));
    }
  }
  return out;
}

function refTarget(root: JsonSchemaObject, ref: string): JsonSchema | undefined {
  const tokens = fragmentTokens(ref);
  if (!tokens || !isSchemaLocation(tokens)) return undefined;
  const target = resolveTokens(root, tokens);
  return typeof target === 'boolean' || isPlainObject(target) ? (target as JsonSchema) : undefined;
}

/** A pointer that lands on a subschema (`/properties/a/items`), not on a map or a keyword value. */
function isSchemaLocation(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (SINGLE_SUBSCHEMA.has(token)) continue;
    if (ARRAY_OF_SUBSCHEMAS.has(token)) {
      if (!/^(0|[1-9]\d*)$/.test(tokens[i + 1] ?? '')) return false;
      i++;
      continue;
    }
    if (MAP_OF_SUBSCHEMAS.has(token) && i + 1 < tokens.length) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

function typeList(type: unknown): string[] {
  return Array.isArray(type) ? (type as string[]) : [type as string];
}

/** ajv's `checkDataTypes(types, data, strictNumbers)` for a correct type. */
function matchesTypes(types: readonly string[], data: unknown, strictNumbers: boolean): boolean {
  const set = new Set(types);
  if (set.has('number')) set.delete('integer');
  for (const type of set) {
    switch (type) {
      case 'null':
        if (data === null) return true;
        break;
      case 'array':
        if (Array.isArray(data)) return true;
        break;
      case 'object':
        if (data !== null && typeof data === 'object' && !Array.isArray(data)) return true;
        break;
      case 'integer':
        if (typeof data === 'number' && !(data % 1) && !Number.isNaN(data) && (!strictNumbers || Number.isFinite(data))) return true;
        break;
      case 'number':
        if (typeof data === 'number' && (!strictNumbers || Number.isFinite(data))) return true;
        break;
      default:
        if (typeof data === type) return true;
    }
  }
  return false;
}

/** ajv's `uniqueItems`: a keyed scan over items of the declared scalar item types, else deep equality. */
function uniqueAsAjv(s: JsonSchemaObject, data: unknown[]): boolean {
  if (data.length <= 1) return true;
  const items = s.items;
  const itemTypes = items !== null && typeof items === 'object' && (items as JsonSchemaObject).type !== undefined ? typeList((items as JsonSchemaObject).type) : [];
  if (itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array')) {
    const indices: Record<string, unknown> = {};
    for (let i = data.length; i--; ) {
      let item = data[i] as unknown;
      if (!matchesTypes(itemTypes, item, true)) continue;
      if (itemTypes.length > 1 && typeof item === 'string') item = `${item}_`;
      const key = item as string;
      if (typeof indices[key] === 'number') return false;
      indices[key] = i;
    }
    return true;
  }
  for (let i = data.length; i--; ) for (let j = i; j--; ) if (equal(data[i], data[j])) return false;
  return true;
}

function finiteDeep(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.every(finiteDeep);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function unwrap(module: unknown): unknown {
  return (module as { default?: unknown }).default ?? module;
}
