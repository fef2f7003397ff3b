import * as fc from 'fast-check';
import { anyArray, anyJsonValue, anyObject } from './any-value.ts';
import { arrayArbitrary } from './arrays.ts';
import { boundedFilter, CountedArbitrary } from './bounded.ts';
import type { PreparedDocument } from './document.ts';
import { RecursionExhausted, SchemaGenerationError, unsatisfiable, unsupported } from './errors.ts';
import { cloneJson, hasType, jsonEqual, joinPointer, type JsonType } from './json.ts';
import { ANNOTATIONS, type RawSchema } from './keywords.ts';
import { addSchema, assertsNothing, cloneNode, emptyNode, intersectTypes, type AbsorbContext, type Node } from './node.ts';
import { numberArbitrary, type NumberEnvironment } from './numbers.ts';
import { objectArbitrary } from './objects.ts';
import type { ResolvedOptions } from './options.ts';
import { stringArbitrary, type StringEnvironment } from './strings.ts';

/**
 * Schema → fast-check arbitrary. The builder folds the schemas that apply at a place into a
 * `Node`, distributes `anyOf` / `oneOf` / `if` into branches (each branch a node of its own, so a
 * branch's constraints shape generation instead of filtering it), then builds one arbitrary per
 * admissible type from fast-check's shrinking building blocks. Whatever the structural part
 * cannot guarantee (a `not` it cannot express, `uniqueItems` across a tuple, `contains` with
 * bounds, branches past the expansion budget) is checked with the node's own validator, in a
 * bounded search. Contradictions found on the way are thrown as `unsatisfiable`; combinators
 * drop the branches that are.
 */
export interface Builder {
  readonly doc: PreparedDocument;
  readonly options: ResolvedOptions;
  readonly strings: StringEnvironment;
  readonly numbers: NumberEnvironment;
  /** Arbitrary for the conjunction of `schemas` (memoised per schemas and depth). */
  build(schemas: readonly RawSchema[], depth: number, pointer: string): fc.Arbitrary<unknown>;
  /** A check of a value against the conjunction of `schemas`, as the validator sees it. */
  check(schemas: readonly RawSchema[]): (value: unknown) => boolean;
  /**
   * The size of the smallest value an arbitrary of this builder makes, in the unit of
   * `maxValueNodes` (JSON values, plus the code points of strings and property names); 1 when
   * not recorded (scalars, the shallow "any value").
   */
  sizeOf(arbitrary: fc.Arbitrary<unknown>): number;
  /**
   * Records the smallest value's size of `arbitrary`, after checking it against the budget:
   * `what` needs more than `maxValueNodes` → `unsupported` at `pointer`, before anything is drawn.
   */
  sized<T>(arbitrary: fc.Arbitrary<T>, size: number, pointer: string, what: string): fc.Arbitrary<T>;
  /** The same check, for a size known before the arbitrary is built. */
  checkSize(size: number, pointer: string, what: string): void;
}

/** Leaves an `anyOf`/`oneOf`/`if` distribution may create at one node before the rest is filtered. */
const MAX_BRANCHES = 64;
/** Recursion allowed past `maxDepth` while values bottom out (then the branch is dropped). */
const DEPTH_SLACK = 6;

/** Draws of a value that grew past the budget before the generator gives up on the schema. */
const DRAW_RETRIES = 4;

const tooLarge = (pointer: string, budget: number) =>
  unsupported(pointer, `values keep growing beyond the size budget (maxValueNodes ${budget.toLocaleString('en')}): recursion or nested arrays multiply; raise maxValueNodes or lower maxDepth/maxItems`);

type Memo = { arbitrary: fc.Arbitrary<unknown> } | { error: unknown } | 'building';

export function createBuilder(doc: PreparedDocument, options: ResolvedOptions): Builder {
  const memo = new Map<string, Memo>();
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  const idOf = (schema: RawSchema): string => {
    if (typeof schema === 'boolean') return schema ? 'T' : 'F';
    let id = ids.get(schema);
    if (id === undefined) {
      id = nextId++;
      ids.set(schema, id);
    }
    return String(id);
  };
  const absorbContext: AbsorbContext = { doc, hardDepth: options.maxDepth + DEPTH_SLACK };
  const sizes = new WeakMap<fc.Arbitrary<unknown>, number>();
  const checkSize = (size: number, pointer: string, what: string) => {
    if (size > options.maxValueNodes) {
      const shown = Number.isFinite(size) && size < 1e15 ? Math.ceil(size).toLocaleString('en') : 'an unbounded number of';
      throw unsupported(pointer, `${what} needs values of at least ${shown} nodes, more than the size budget (maxValueNodes ${options.maxValueNodes.toLocaleString('en')}) allows`);
    }
  };
  const ajvOptions = doc.ajv.opts as { multipleOfPrecision?: number };

  const builder: Builder = {
    doc,
    options,
    strings: { ajv: doc.ajv, attempts: options.attempts, formats: options.formats, unknownFormats: options.unknownFormats },
    numbers: { attempts: options.attempts, multipleOfPrecision: ajvOptions.multipleOfPrecision },
    build(schemas, depth, pointer) {
      const key = `${schemas.map(idOf).join(',')}@${depth}`;
      const known = memo.get(key);
      if (known === 'building') throw unsupported(pointer, 'the schema refers to itself without passing through a $ref');
      if (known) {
        if ('error' in known) throw known.error;
        return known.arbitrary;
      }
      memo.set(key, 'building');
      try {
        const node = emptyNode(depth);
        for (const schema of schemas) addSchema(absorbContext, node, schema, (typeof schema === 'object' && doc.pointerOf(schema)) || pointer);
        const arbitrary = buildNode(builder, absorbContext, node, pointer, { leaves: 1, tries: { left: COLLAPSE_TRIES } });
        memo.set(key, { arbitrary });
        return arbitrary;
      } catch (error) {
        memo.set(key, { error });
        throw error;
      }
    },
    check(schemas) {
      const validate = doc.validator(schemas);
      return (value) => validate(value) === true;
    },
    sizeOf: (arbitrary) => sizes.get(arbitrary) ?? 1,
    sized(arbitrary, size, pointer, what) {
      checkSize(size, pointer, what);
      if (size > 1) sizes.set(arbitrary, size);
      return arbitrary;
    },
    checkSize,
  };
  return builder;
}

function isGenerationFailure(error: unknown): error is SchemaGenerationError | RecursionExhausted {
  return error instanceof SchemaGenerationError || error instanceof RecursionExhausted;
}

/** The failure that best explains why no branch was left: a proof beats a limitation. */
function strongest(errors: unknown[], pointer: string, what: string): unknown {
  if (errors.length > 0 && errors.every((e) => e instanceof SchemaGenerationError && e.kind === 'unsatisfiable')) {
    const first = errors[0] as SchemaGenerationError;
    return errors.length === 1 ? first : unsatisfiable(pointer, `no ${what} is satisfiable (first: ${first.describe()})`);
  }
  return errors.find((e) => e instanceof SchemaGenerationError && e.kind === 'unsupported') ?? errors.find((e) => e instanceof RecursionExhausted) ?? errors[0];
}

/** How far a node may still branch: leaves of the distribution so far, and collapse attempts left. */
interface Budget {
  leaves: number;
  tries: { left: number };
}

/** Attempts, over a whole build, at picking one branch when there are too many to spread. */
const COLLAPSE_TRIES = 256;
/** Draws that check, at construction, that a filtered node can produce values at all. */
const NODE_PROBE = { seed: 0x6e0de, numRuns: 3 };

function branchArbitrary(builder: Builder, ctx: AbsorbContext, branches: Array<() => Node>, pointer: string, what: string, budget: Budget): fc.Arbitrary<unknown> {
  const spread = budget.leaves * branches.length <= MAX_BRANCHES;
  const inner: Budget = spread ? { leaves: budget.leaves * branches.length, tries: budget.tries } : budget;
  const arbitraries: Array<fc.Arbitrary<unknown>> = [];
  const errors: unknown[] = [];
  for (const make of branches) {
    if (!spread && budget.tries.left-- <= 0) {
      errors.push(unsupported(pointer, `too many combinations of ${what}es to explore`));
      break;
    }
    try {
      arbitraries.push(buildNode(builder, ctx, make(), pointer, inner));
      // Past the budget, the first branch that works stands for the whole group: values stay
      // valid (they satisfy that branch), only less varied.
      if (!spread) break;
    } catch (error) {
      if (!isGenerationFailure(error)) throw error;
      errors.push(error);
    }
  }
  if (arbitraries.length === 0) throw strongest(errors, pointer, what);
  if (arbitraries.length === 1) return arbitraries[0]!;
  return builder.sized(fc.oneof(...arbitraries), Math.min(...arbitraries.map((a) => builder.sizeOf(a))), pointer, what);
}

function buildNode(builder: Builder, ctx: AbsorbContext, node: Node, pointer: string, budget: Budget): fc.Arbitrary<unknown> {
  throwIfContradicted(node);
  unwrapDoubleNegations(ctx, node);
  throwIfContradicted(node);
  const distributed = distribute(builder, ctx, node, budget);
  if (distributed) return distributed;

  const excluded = simplifyNots(builder, node);
  throwIfContradicted(node);
  if (node.types.size === 0) throw unsatisfiable(pointer, 'no type is left once `not` is applied');

  if (node.enums.length > 0) return counted(builder, node, enumArbitrary(builder, node, excluded), pointer);

  let arbitrary = counted(builder, node, typedArbitrary(builder, node, pointer), pointer);
  const size = builder.sizeOf(arbitrary);
  if (excluded.length > 0) {
    const notExcluded = (v: unknown) => !excluded.some((x) => jsonEqual(x, v));
    arbitrary = boundedFilter(arbitrary, notExcluded, builder.options.attempts, () => unsupported(pointer, 'every value drawn was excluded by `not`'));
  }
  if (node.inexact.length > 0) {
    const accepts = builder.check(node.sources);
    const reasons = [...new Set(node.inexact)].join(', ');
    arbitrary = boundedFilter(arbitrary, accepts, builder.options.attempts, () =>
      unsupported(pointer, `could not find a valid value within ${builder.options.attempts} attempts (${reasons}); the schema may admit no value`),
    );
  }
  if (node.inexact.length > 0 || excluded.length > 0) {
    // A search that runs dry at once is reported now, so that a combinator can drop this branch.
    arbitrary = builder.sized(arbitrary, size, pointer, 'the schema');
    fc.sample(arbitrary, NODE_PROBE);
  }
  return arbitrary;
}

/**
 * Every value a node makes is counted against the size budget as it is drawn (`CountedArbitrary`),
 * weighing 1, or 1 + minLength for a string: a draw that grows past `maxValueNodes` is abandoned.
 * Only nodes that make values are wrapped (not `anyOf` distributions: their branches are).
 */
function counted(builder: Builder, node: Node, arbitrary: fc.Arbitrary<unknown>, pointer: string): fc.Arbitrary<unknown> {
  const budget = builder.options.maxValueNodes;
  const weight = node.types.size === 1 && node.types.has('string') ? 1 + node.str.minLength : 1;
  const wrapped = new CountedArbitrary(arbitrary, weight, budget, DRAW_RETRIES, () => tooLarge(pointer, budget));
  return builder.sized(wrapped, builder.sizeOf(arbitrary), pointer, 'the schema');
}

function throwIfContradicted(node: Node): void {
  if (node.contradiction) throw unsatisfiable(node.contradiction.pointer, node.contradiction.message);
}

/** `not: { not: S }` is S: folded in before branching, since S may itself branch. */
function unwrapDoubleNegations(ctx: AbsorbContext, node: Node): void {
  for (let i = 0; i < node.nots.length; i++) {
    const { schema, pointer } = node.nots[i]!;
    if (typeof schema !== 'object') continue;
    const keys = Object.keys(schema).filter((k) => !ANNOTATIONS.has(k));
    if (keys.length !== 1 || keys[0] !== 'not') continue;
    node.nots.splice(i--, 1);
    addSchema(ctx, node, schema.not as RawSchema, joinPointer(pointer, 'not'));
  }
}

/** One pending combinator turned into branches, or undefined when none is pending. */
function distribute(builder: Builder, ctx: AbsorbContext, node: Node, budget: Budget): fc.Arbitrary<unknown> | undefined {
  const base = cloneNode(node);
  if (node.anyOf.length > 0) {
    const [group, ...rest] = node.anyOf;
    base.anyOf = rest;
    const branches = group!.alternatives.map((alternative, i) => () => addSchema(ctx, cloneNode(base), alternative, joinPointer(group!.pointer, i)));
    return branchArbitrary(builder, ctx, branches, group!.pointer, 'anyOf branch', budget);
  }
  if (node.oneOf.length > 0) {
    const [group, ...rest] = node.oneOf;
    base.oneOf = rest;
    const branches = group!.alternatives.map((alternative, i) => () => {
      const branch = addSchema(ctx, cloneNode(base), alternative, joinPointer(group!.pointer, i));
      group!.alternatives.forEach((other, j) => {
        if (j !== i) branch.nots.push({ schema: other, pointer: joinPointer(group!.pointer, j) });
      });
      return branch;
    });
    return branchArbitrary(builder, ctx, branches, group!.pointer, 'oneOf branch', budget);
  }
  if (node.conditionals.length > 0) {
    const [conditional, ...rest] = node.conditionals;
    base.conditionals = rest;
    const c = conditional!;
    const thenBranch = () => addSchema(ctx, addSchema(ctx, cloneNode(base), c.if, c.pointer), c.then, c.pointer);
    const elseBranch = () => {
      const branch = addSchema(ctx, cloneNode(base), c.else, c.pointer);
      branch.nots.push({ schema: c.if, pointer: c.pointer });
      return branch;
    };
    return branchArbitrary(builder, ctx, [thenBranch, elseBranch], c.pointer, 'if/then/else branch', budget);
  }
  return undefined;
}

/**
 * Turns the `not`s it can express into structure (types removed, values excluded, keys
 * forbidden, vacuous ones dropped); the others mark the node for validator filtering.
 * Returns the values to exclude.
 */
function simplifyNots(builder: Builder, node: Node): unknown[] {
  const excluded: unknown[] = [];
  for (const { schema: raw, pointer } of node.nots) {
    const schema = followRefs(builder.doc, raw);
    if (schema === false) continue;
    if (assertsNothing(builder.doc, schema)) {
      node.contradiction ??= { pointer, message: '`not` of a schema that accepts everything admits no value' };
      continue;
    }
    const s = schema as Record<string, unknown>;
    const keys = Object.keys(s).filter((k) => !ANNOTATIONS.has(k));
    const declared = typesOf(s);
    if (declared && intersectTypes(node.types, declared).size === 0) continue;
    if (declared && keys.every((k) => k === 'type' || k === 'nullable')) {
      if (declared.includes('number')) {
        node.types.delete('number');
        node.types.delete('integer');
      } else if (declared.includes('integer') && node.types.has('number')) {
        node.inexact.push('not integer');
      } else if (declared.includes('integer')) node.types.delete('integer');
      for (const t of declared) if (t !== 'number' && t !== 'integer') node.types.delete(t);
      continue;
    }
    if (keys.length === 1 && (keys[0] === 'enum' || keys[0] === 'const')) {
      if (keys[0] === 'const') excluded.push(s.const);
      else if (Array.isArray(s.enum)) excluded.push(...s.enum);
      continue;
    }
    if (keys.length === 1 && keys[0] === 'required' && Array.isArray(s.required) && s.required.length === 1 && typeof s.required[0] === 'string') {
      node.objects.push({
        pointer,
        properties: new Map(),
        patternProperties: [],
        required: [],
        minProperties: 0,
        dependentRequired: new Map(),
        forbidden: [s.required[0]],
      });
      continue;
    }
    if (negateBound(node, s, keys, declared)) continue;
    node.inexact.push('not');
  }
  // Finite types whose every value is excluded are no longer possible.
  if (excluded.includes(null)) node.types.delete('null');
  if (excluded.includes(true) && excluded.includes(false)) node.types.delete('boolean');
  return excluded;
}

const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];

/**
 * `not: { minimum: m }` (one bound, perhaps with a type): the schema inside accepts every
 * value that is not a number of its type, so the negation keeps only such numbers, beyond
 * the bound. Returns false when the `not` has another shape.
 */
function negateBound(node: Node, s: Record<string, unknown>, keys: string[], declared: JsonType[] | undefined): boolean {
  const bound = keys.filter((k) => BOUNDS.includes(k));
  if (bound.length !== 1 || keys.some((k) => k !== 'type' && !BOUNDS.includes(k))) return false;
  const keyword = bound[0]!;
  const value = s[keyword];
  if (typeof value !== 'number') return false;
  const numeric: JsonType[] = ['integer', 'number'];
  const inner = declared ?? ['integer', 'number'];
  const coversNumbers = inner.includes('number') || !node.types.has('number');
  if (!inner.some((t) => numeric.includes(t)) || !coversNumbers) return false;
  // Non-numbers: rejected by the negation unless the inner schema's type excludes them.
  for (const t of [...node.types]) if (!numeric.includes(t) && (declared === undefined || declared.includes(t))) node.types.delete(t);
  const num = node.num;
  num.touched = true;
  if (keyword === 'minimum' || keyword === 'exclusiveMinimum') {
    const exclusive = keyword === 'minimum';
    if (num.max === undefined || value < num.max || (value === num.max && exclusive)) {
      num.max = value;
      num.maxExclusive = exclusive;
    }
  } else {
    const exclusive = keyword === 'maximum';
    if (num.min === undefined || value > num.min || (value === num.min && exclusive)) {
      num.min = value;
      num.minExclusive = exclusive;
    }
  }
  return true;
}

function followRefs(doc: PreparedDocument, schema: RawSchema): RawSchema {
  let current = schema;
  for (let i = 0; i < 32 && typeof current === 'object' && typeof current.$ref === 'string'; i++) {
    const others = Object.keys(current).filter((k) => k !== '$ref' && !ANNOTATIONS.has(k));
    if (others.length > 0) return current;
    current = doc.resolveRef(current.$ref, '').schema;
  }
  return current;
}

function typesOf(schema: Record<string, unknown>): JsonType[] | undefined {
  if (schema.type === undefined) return undefined;
  const list = (Array.isArray(schema.type) ? schema.type : [schema.type]) as JsonType[];
  return schema.nullable === true && !list.includes('null') ? [...list, 'null'] : list;
}

function typeAllowed(types: Set<JsonType>, value: unknown): boolean {
  for (const t of types) if (hasType(value, t)) return true;
  return false;
}

/** Enum (and const) values: intersected, then each checked against the node's whole meaning. */
function enumArbitrary(builder: Builder, node: Node, excluded: unknown[]): fc.Arbitrary<unknown> {
  const [first, ...others] = node.enums;
  let candidates = first!.values.filter((v) => others.every((o) => o.values.some((w) => jsonEqual(v, w))));
  candidates = candidates.filter((v, i) => typeAllowed(node.types, v) && !excluded.some((x) => jsonEqual(x, v)) && candidates.findIndex((w) => jsonEqual(v, w)) === i);
  // Only the validator knows every keyword's meaning; a node made of types and enums alone is
  // already decided above (and compiling a validator per enum would dominate construction).
  if (candidates.length > 0 && !onlyTypesAndEnums(node)) {
    const accepts = builder.check(node.sources);
    candidates = candidates.filter(accepts);
  }
  if (candidates.length === 0) throw unsatisfiable(first!.pointer, 'no value of the enum (or const) satisfies the other constraints here');
  return builder.sized(fc.constantFrom(...candidates).map(cloneJson), Math.min(...candidates.map(valueSize)), first!.pointer, 'the enum');
}

/** A value's size in the unit of `maxValueNodes`: its JSON values, plus string and key code points. */
export function valueSize(value: unknown): number {
  if (typeof value === 'string') return 1 + value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + valueSize(item), 1);
  if (typeof value === 'object' && value !== null) {
    let sum = 1;
    for (const [key, item] of Object.entries(value)) sum += key.length + valueSize(item);
    return sum;
  }
  return 1;
}

function onlyTypesAndEnums(node: Node): boolean {
  return (
    !node.num.touched &&
    !node.str.touched &&
    node.arrays.length === 0 &&
    node.objects.length === 0 &&
    node.nots.length === 0 &&
    node.anyOf.length + node.oneOf.length + node.conditionals.length === 0 &&
    node.inexact.length === 0
  );
}

const TYPE_ORDER: readonly JsonType[] = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];
const SCALARS = new Set<JsonType>(['null', 'boolean', 'integer', 'number', 'string']);

function isUnconstrained(node: Node): boolean {
  return (
    node.types.size === 6 &&
    !node.num.touched &&
    !node.str.touched &&
    node.arrays.length === 0 &&
    node.objects.length === 0 &&
    node.nots.length === 0 &&
    node.inexact.length === 0
  );
}

function typedArbitrary(builder: Builder, node: Node, pointer: string): fc.Arbitrary<unknown> {
  if (isUnconstrained(node)) return node.depth >= builder.options.maxDepth ? fc.constant(null) : anyJsonValue;
  const terminal = node.depth >= builder.options.maxDepth;
  const types = TYPE_ORDER.filter((t) => node.types.has(t));
  const built: Array<{ arbitrary: fc.Arbitrary<unknown>; weight: number }> = [];
  const errors: unknown[] = [];
  for (const type of types) {
    // Past the depth bound, containers are only used if no scalar type can end the recursion.
    if (terminal && !SCALARS.has(type) && built.length > 0) continue;
    try {
      built.push({ arbitrary: typeArbitrary(builder, node, type, pointer), weight: type === 'null' ? 1 : 3 });
    } catch (error) {
      if (!isGenerationFailure(error)) throw error;
      errors.push(error);
    }
  }
  if (built.length === 0) throw strongest(errors, pointer, 'type');
  if (built.length === 1) return built[0]!.arbitrary;
  return builder.sized(fc.oneof(...built), Math.min(...built.map((b) => builder.sizeOf(b.arbitrary))), pointer, 'the schema');
}

function typeArbitrary(builder: Builder, node: Node, type: JsonType, pointer: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberArbitrary(node.num, true, builder.numbers);
    case 'number':
      return numberArbitrary(node.num, false, builder.numbers);
    case 'string':
      builder.checkSize(1 + node.str.minLength, node.str.pointer, `minLength ${node.str.minLength}`);
      return builder.sized(stringArbitrary(node.str, builder.strings), 1 + node.str.minLength, node.str.pointer, 'the string');
    case 'array':
      if (node.arrays.length === 0) return node.depth >= builder.options.maxDepth ? fc.constant([]) : anyArray(builder.options.maxItems);
      return arrayArbitrary(builder, node, pointer);
    case 'object':
      if (node.objects.length === 0) {
        return node.depth >= builder.options.maxDepth || !builder.options.extraProperties ? fc.constant({}).map(() => ({})) : anyObject(builder.options.maxExtraProperties);
      }
      return objectArbitrary(builder, node, pointer);
  }
}
