import type { PreparedDocument } from './document.ts';
import { RecursionExhausted, unsupported } from './errors.ts';
import { isPlainObject, joinPointer, type JsonType } from './json.ts';
import { ANNOTATIONS, type RawSchema } from './keywords.ts';

/**
 * The constraints a value must meet at one place of the document, gathered from every schema
 * that applies there (`allOf` members, `$ref` targets, a chosen `anyOf` branch…). Keywords that
 * combine exactly are merged at once (types intersected, tightest bounds, all patterns); object
 * and array keywords are kept per schema ("conjuncts") because their meaning depends on the
 * schema they sit in (`additionalProperties` refers to its own `properties`); `anyOf`, `oneOf`,
 * `not` and `if` stay pending until the builder distributes them into branches.
 */
export interface Node {
  /** `number` admits every number, `integer` only integral ones. */
  types: Set<JsonType>;
  /** Every schema folded in: their conjunction is this node's exact meaning (the validator's). */
  sources: RawSchema[];
  enums: Array<{ values: unknown[]; pointer: string }>;
  num: NumberConstraints;
  str: StringConstraints;
  arrays: ArrayConjunct[];
  objects: ObjectConjunct[];
  anyOf: Group[];
  oneOf: Group[];
  nots: Array<{ schema: RawSchema; pointer: string }>;
  conditionals: Conditional[];
  /**
   * Recursive `$ref`s re-entered on the way here: one more than the enclosing value's when any
   * recursive `$ref` applies at this place (several side by side, as in `allOf` of a meta-schema's
   * vocabularies, count once: recursion is bounded by how deep values nest).
   */
  depth: number;
  /** The enclosing value's depth. */
  baseDepth: number;
  /** Why the structural generator alone may miss (the validator then filters, bounded). */
  inexact: string[];
  contradiction?: { pointer: string; message: string };
}

export interface NumberConstraints {
  min?: number;
  minExclusive: boolean;
  max?: number;
  maxExclusive: boolean;
  multipleOf: number[];
  /** From `format: int32/int64`, which ajv-formats only passes for integral numbers. */
  integral: boolean;
  /** Whether any numeric keyword applied (the pointer alone cannot tell: `''` is the root). */
  touched: boolean;
  pointer: string;
}

export interface StringConstraints {
  minLength: number;
  maxLength?: number;
  patterns: string[];
  formats: string[];
  touched: boolean;
  pointer: string;
}

export interface ArrayConjunct {
  pointer: string;
  prefixItems: RawSchema[];
  items?: RawSchema;
  contains?: RawSchema;
  minContains: number;
  maxContains?: number;
  minItems: number;
  maxItems?: number;
  uniqueItems: boolean;
  unevaluatedItems?: RawSchema;
}

export interface ObjectConjunct {
  pointer: string;
  properties: Map<string, RawSchema>;
  patternProperties: Array<[string, RawSchema]>;
  additionalProperties?: RawSchema;
  unevaluatedProperties?: RawSchema;
  required: string[];
  propertyNames?: RawSchema;
  minProperties: number;
  maxProperties?: number;
  dependentRequired: Map<string, string[]>;
  /** Keys that must be absent (from `not: { required: [k] }`). */
  forbidden: string[];
}

export interface Group {
  alternatives: RawSchema[];
  pointer: string;
}

export interface Conditional {
  if: RawSchema;
  then: RawSchema;
  else: RawSchema;
  pointer: string;
}

const NUMBER_FORMATS = new Set(['int32', 'int64', 'float', 'double']);
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

export function emptyNode(depth: number): Node {
  return {
    types: new Set<JsonType>(['null', 'boolean', 'number', 'string', 'array', 'object']),
    sources: [],
    enums: [],
    num: { minExclusive: false, maxExclusive: false, multipleOf: [], integral: false, touched: false, pointer: '' },
    str: { minLength: 0, patterns: [], formats: [], touched: false, pointer: '' },
    arrays: [],
    objects: [],
    anyOf: [],
    oneOf: [],
    nots: [],
    conditionals: [],
    depth,
    baseDepth: depth,
    inexact: [],
  };
}

export function cloneNode(node: Node): Node {
  return {
    ...node,
    types: new Set(node.types),
    sources: node.sources.slice(),
    enums: node.enums.slice(),
    num: { ...node.num, multipleOf: node.num.multipleOf.slice() },
    str: { ...node.str, patterns: node.str.patterns.slice(), formats: node.str.formats.slice() },
    arrays: node.arrays.slice(),
    objects: node.objects.slice(),
    anyOf: node.anyOf.slice(),
    oneOf: node.oneOf.slice(),
    nots: node.nots.slice(),
    conditionals: node.conditionals.slice(),
    inexact: node.inexact.slice(),
  };
}

export interface AbsorbContext {
  doc: PreparedDocument;
  /** Depth beyond which recursion is abandoned (a branch that needs more is dropped). */
  hardDepth: number;
}

/** Adds `schema` to the node's sources and folds its constraints in. */
export function addSchema(ctx: AbsorbContext, node: Node, schema: RawSchema, pointer: string): Node {
  node.sources.push(schema);
  absorb(ctx, node, schema, pointer, []);
  return node;
}

export function intersectTypes(current: Set<JsonType>, allowed: readonly JsonType[]): Set<JsonType> {
  const out = new Set<JsonType>();
  const has = (t: JsonType) => allowed.includes(t);
  for (const t of current) {
    if (has(t)) out.add(t);
    else if (t === 'number' && has('integer')) out.add('integer');
    else if (t === 'integer' && has('number')) out.add('integer');
  }
  return out;
}

function contradict(node: Node, pointer: string, message: string): void {
  node.contradiction ??= { pointer, message };
}

function absorb(ctx: AbsorbContext, node: Node, schema: RawSchema, pointer: string, refStack: string[]): void {
  if (schema === true) return;
  if (schema === false) return contradict(node, pointer, 'the schema is `false`: no value is valid');
  const s = schema;
  const at = (...tokens: Array<string | number>) => joinPointer(pointer, ...tokens);

  if (typeof s.$ref === 'string') {
    const { schema: target, pointer: targetPointer } = ctx.doc.resolveRef(s.$ref, at('$ref'));
    if (refStack.includes(targetPointer)) throw unsupported(at('$ref'), `$ref cycle through ${targetPointer || '(root)'} never reaches a schema`);
    if (ctx.doc.isRecursive(targetPointer)) {
      node.depth = Math.max(node.depth, node.baseDepth + 1);
      if (node.depth > ctx.hardDepth) throw new RecursionExhausted(targetPointer);
    }
    absorb(ctx, node, target, targetPointer, [...refStack, targetPointer]);
  }
  for (const keyword of ['$dynamicRef', '$recursiveRef']) {
    if (keyword in s) throw unsupported(at(keyword), `${keyword} is not supported by the generator`);
  }

  if (s.type !== undefined) {
    const declared = (Array.isArray(s.type) ? s.type : [s.type]).filter((t): t is JsonType => typeof t === 'string') as JsonType[];
    if (s.nullable === true && !declared.includes('null')) declared.push('null');
    node.types = intersectTypes(node.types, declared);
    if (node.types.size === 0) contradict(node, at('type'), 'the types allowed here have nothing in common');
  }
  if (Array.isArray(s.enum)) node.enums.push({ values: s.enum, pointer: at('enum') });
  if ('const' in s) node.enums.push({ values: [s.const], pointer: at('const') });

  absorbNumber(node, s, pointer);
  absorbString(node, s, pointer);
  absorbArray(node, s, pointer);
  absorbObject(node, s, pointer);

  if (Array.isArray(s.allOf)) s.allOf.forEach((member, i) => absorb(ctx, node, member as RawSchema, at('allOf', i), refStack));
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const list = s[keyword];
    if (!Array.isArray(list)) continue;
    const group = { alternatives: list as RawSchema[], pointer: at(keyword) };
    if (list.length === 1) absorb(ctx, node, list[0] as RawSchema, at(keyword, 0), refStack);
    else if (list.length === 0) contradict(node, at(keyword), `an empty ${keyword} admits no value`);
    else node[keyword].push(group);
  }
  if ('not' in s) node.nots.push({ schema: s.not as RawSchema, pointer: at('not') });
  if ('if' in s) {
    node.conditionals.push({
      if: s.if as RawSchema,
      then: 'then' in s ? (s.then as RawSchema) : true,
      else: 'else' in s ? (s.else as RawSchema) : true,
      pointer: at('if'),
    });
  }
  if (isPlainObject(s.dependentSchemas)) {
    for (const [name, dependent] of Object.entries(s.dependentSchemas)) {
      // "if `name` is present, the object must also satisfy `dependent`": a conditional whose
      // condition is composed here (it has no place in the document).
      node.conditionals.push({ if: { required: [name] }, then: dependent as RawSchema, else: true, pointer: at('dependentSchemas', name) });
    }
  }
  if ('unevaluatedProperties' in s || 'unevaluatedItems' in s) node.inexact.push('unevaluated keywords');
}

function absorbNumber(node: Node, s: Record<string, unknown>, pointer: string): void {
  const num = node.num;
  const touch = () => {
    if (!num.touched) num.pointer = pointer;
    num.touched = true;
  };
  const raiseMin = (value: number, exclusive: boolean) => {
    if (num.min === undefined || value > num.min || (value === num.min && exclusive)) {
      num.min = value;
      num.minExclusive = exclusive;
    }
    touch();
  };
  const lowerMax = (value: number, exclusive: boolean) => {
    if (num.max === undefined || value < num.max || (value === num.max && exclusive)) {
      num.max = value;
      num.maxExclusive = exclusive;
    }
    touch();
  };
  if (typeof s.minimum === 'number') raiseMin(s.minimum, false);
  if (typeof s.exclusiveMinimum === 'number') raiseMin(s.exclusiveMinimum, true);
  if (typeof s.maximum === 'number') lowerMax(s.maximum, false);
  if (typeof s.exclusiveMaximum === 'number') lowerMax(s.exclusiveMaximum, true);
  if (typeof s.multipleOf === 'number' && s.multipleOf > 0) {
    num.multipleOf.push(s.multipleOf);
    touch();
  }
  if (typeof s.format === 'string' && NUMBER_FORMATS.has(s.format)) {
    if (s.format === 'int32') {
      raiseMin(INT32.min, false);
      lowerMax(INT32.max, false);
    }
    if (s.format === 'int32' || s.format === 'int64') num.integral = true;
    touch();
  }
}

function absorbString(node: Node, s: Record<string, unknown>, pointer: string): void {
  const str = node.str;
  const touch = () => {
    if (!str.touched) str.pointer = pointer;
    str.touched = true;
  };
  if (typeof s.minLength === 'number') {
    str.minLength = Math.max(str.minLength, Math.ceil(s.minLength));
    touch();
  }
  if (typeof s.maxLength === 'number') {
    str.maxLength = Math.min(str.maxLength ?? Infinity, Math.floor(s.maxLength));
    touch();
  }
  if (typeof s.pattern === 'string' && !str.patterns.includes(s.pattern)) {
    str.patterns.push(s.pattern);
    touch();
  }
  if (typeof s.format === 'string' && !NUMBER_FORMATS.has(s.format) && !str.formats.includes(s.format)) {
    str.formats.push(s.format);
    touch();
  }
}

const ARRAY_KEYWORDS = ['prefixItems', 'items', 'contains', 'minItems', 'maxItems', 'uniqueItems', 'unevaluatedItems'];

function absorbArray(node: Node, s: Record<string, unknown>, pointer: string): void {
  if (!ARRAY_KEYWORDS.some((k) => k in s)) return;
  const hasContains = 'contains' in s;
  node.arrays.push({
    pointer,
    prefixItems: Array.isArray(s.prefixItems) ? (s.prefixItems as RawSchema[]) : [],
    items: 'items' in s ? (s.items as RawSchema) : undefined,
    contains: hasContains ? (s.contains as RawSchema) : undefined,
    minContains: hasContains ? (typeof s.minContains === 'number' ? s.minContains : 1) : 0,
    maxContains: hasContains && typeof s.maxContains === 'number' ? s.maxContains : undefined,
    minItems: typeof s.minItems === 'number' ? s.minItems : 0,
    maxItems: typeof s.maxItems === 'number' ? s.maxItems : undefined,
    uniqueItems: s.uniqueItems === true,
    unevaluatedItems: 'unevaluatedItems' in s ? (s.unevaluatedItems as RawSchema) : undefined,
  });
}

const OBJECT_KEYWORDS = [
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'required',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'dependentRequired',
];

function absorbObject(node: Node, s: Record<string, unknown>, pointer: string): void {
  if (!OBJECT_KEYWORDS.some((k) => k in s)) return;
  const properties = new Map<string, RawSchema>();
  if (isPlainObject(s.properties)) for (const [k, v] of Object.entries(s.properties)) properties.set(k, v as RawSchema);
  const dependentRequired = new Map<string, string[]>();
  if (isPlainObject(s.dependentRequired)) {
    for (const [k, v] of Object.entries(s.dependentRequired)) if (Array.isArray(v)) dependentRequired.set(k, v.filter((x): x is string => typeof x === 'string'));
  }
  node.objects.push({
    pointer,
    properties,
    patternProperties: isPlainObject(s.patternProperties) ? Object.entries(s.patternProperties).map(([p, v]) => [p, v as RawSchema]) : [],
    additionalProperties: 'additionalProperties' in s ? (s.additionalProperties as RawSchema) : undefined,
    unevaluatedProperties: 'unevaluatedProperties' in s ? (s.unevaluatedProperties as RawSchema) : undefined,
    required: Array.isArray(s.required) ? s.required.filter((x): x is string => typeof x === 'string') : [],
    propertyNames: 'propertyNames' in s ? (s.propertyNames as RawSchema) : undefined,
    minProperties: typeof s.minProperties === 'number' ? s.minProperties : 0,
    maxProperties: typeof s.maxProperties === 'number' ? s.maxProperties : undefined,
    dependentRequired,
    forbidden: [],
  });
}

/** Whether a schema (after `$ref`) asserts nothing: `true`, `{}` or annotations only. */
export function assertsNothing(doc: PreparedDocument, schema: RawSchema, seen: string[] = []): boolean {
  if (schema === true) return true;
  if (schema === false) return false;
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === '$ref' && typeof value === 'string') {
      const { schema: target, pointer } = doc.resolveRef(value, '');
      if (seen.includes(pointer) || !assertsNothing(doc, target, [...seen, pointer])) return false;
      continue;
    }
    if (key === 'allOf' && Array.isArray(value)) {
      if (!value.every((m) => assertsNothing(doc, m as RawSchema, seen))) return false;
      continue;
    }
    if (['then', 'else', 'minContains', 'maxContains'].includes(key) && !('if' in schema || 'contains' in schema)) continue;
    return false;
  }
  return true;
}
