import * as fc from 'fast-check';
import type { Builder } from './build.ts';
import { boundedUniqueArray } from './bounded.ts';
import { RecursionExhausted, SchemaGenerationError, unsatisfiable, unsupported } from './errors.ts';
import { jsonEqual, joinPointer } from './json.ts';
import type { RawSchema } from './keywords.ts';
import type { ArrayConjunct, Node } from './node.ts';

/**
 * Arrays from every array conjunct of a node: the schema of position i is the conjunction of
 * each conjunct's `prefixItems[i]` or `items` (or `unevaluatedItems` where nothing else
 * evaluates i); bounds are the tightest; a position whose schema is unsatisfiable caps the
 * length. One `contains` on a plain (non-tuple) array is generated structurally — `minContains`
 * matching items, the others drawn from "items and not contains" when `maxContains` bounds them
 * — and shuffled in. Tuples with `uniqueItems` or `contains`, and several `contains`, are
 * checked by the node's validator.
 */
export function arrayArbitrary(builder: Builder, node: Node, pointer: string): fc.Arbitrary<unknown[]> {
  const conjuncts = node.arrays;
  const at = conjuncts[0]?.pointer ?? pointer;
  const terminal = node.depth >= builder.options.maxDepth;
  const minItems = Math.max(0, ...conjuncts.map((c) => Math.ceil(c.minItems)));
  let maxItems = Math.min(Infinity, ...conjuncts.map((c) => (c.maxItems === undefined ? Infinity : Math.floor(c.maxItems))));
  const unique = conjuncts.some((c) => c.uniqueItems);
  const prefixLength = Math.max(0, ...conjuncts.map((c) => c.prefixItems.length));
  const containsSpecs = conjuncts.filter((c) => c.contains !== undefined && (c.minContains > 0 || c.maxContains !== undefined));

  const build = (schemas: RawSchema[], i: number | 'items') =>
    builder.build(schemas, node.depth, i === 'items' ? joinPointer(at, 'items') : joinPointer(at, 'prefixItems', i));

  // Positions of the tuple part, in order, until one is impossible (which caps the length).
  const prefix: Array<fc.Arbitrary<unknown>> = [];
  const neededPrefix = terminal ? Math.min(minItems, prefixLength) : prefixLength;
  for (let i = 0; i < Math.min(neededPrefix, maxItems); i++) {
    const schemas = schemasAt(conjuncts, i);
    if (schemas.includes(false)) {
      maxItems = Math.min(maxItems, i);
      break;
    }
    try {
      prefix.push(build(schemas, i));
    } catch (error) {
      if (!isFailure(error)) throw error;
      if (i < minItems) throw asUnsat(error, at, `position ${i} of the array cannot be filled`);
      maxItems = Math.min(maxItems, i);
      break;
    }
  }
  if (terminal && prefix.length < prefixLength) maxItems = Math.min(maxItems, Math.max(minItems, prefix.length));

  const tailSchemas = schemasAt(conjuncts, prefixLength);
  let tail: fc.Arbitrary<unknown> | undefined;
  // Nested arrays get narrower with depth, so recursive structures stay small.
  const room = Math.max(1, Math.floor(builder.options.maxItems / (1 + node.depth)));
  // At least room for the items `contains` requires (minContains may exceed minItems).
  const floor = Math.max(minItems, ...containsSpecs.map((c) => Math.ceil(c.minContains)));
  const cap = Math.min(maxItems, Math.max(floor, terminal ? minItems : minItems + room + (containsSpecs.length > 0 ? 2 : 0)));
  if (cap > prefix.length && prefix.length === prefixLength) {
    if (tailSchemas.includes(false)) maxItems = Math.min(maxItems, prefixLength);
    else {
      try {
        tail = build(tailSchemas, 'items');
      } catch (error) {
        if (!isFailure(error)) throw error;
        if (minItems > prefixLength) throw asUnsat(error, at, 'the array needs items but `items` is unsatisfiable');
        maxItems = Math.min(maxItems, prefixLength);
      }
    }
  }
  if (minItems > maxItems) throw unsatisfiable(at, `the array needs at least ${minItems} items but can hold at most ${maxItems}`);
  const limit = Math.min(cap, maxItems);
  // The smallest array: the first minItems positions at their smallest (checked before drawing).
  const headCount = Math.min(minItems, prefix.length);
  let smallest = 1 + Math.max(0, minItems - prefix.length) * (tail ? builder.sizeOf(tail) : 1);
  for (let i = 0; i < headCount; i++) smallest += builder.sizeOf(prefix[i]!);
  builder.checkSize(smallest, at, `minItems ${minItems}`);

  if (containsSpecs.length === 1 && prefixLength === 0 && tail !== undefined && !terminal) {
    node.inexact.push('contains');
    return containsArbitrary(builder, node, containsSpecs[0]!, tailSchemas, minItems, limit, unique, at);
  }
  return builder.sized(plainArray(builder, node, prefix, tail, minItems, limit, unique, containsSpecs.length > 0, at), smallest, at, `minItems ${minItems}`);
}

/** A tuple part followed by `items`, `uniqueItems` and other `contains` left to the validator. */
function plainArray(
  builder: Builder,
  node: Node,
  prefix: Array<fc.Arbitrary<unknown>>,
  tail: fc.Arbitrary<unknown> | undefined,
  minItems: number,
  limit: number,
  unique: boolean,
  hasContains: boolean,
  at: string,
): fc.Arbitrary<unknown[]> {
  if (hasContains) node.inexact.push('contains');
  if (unique && (prefix.length > 0 || hasContains)) node.inexact.push('uniqueItems');
  if (unique && prefix.length === 0) node.inexact.push('uniqueItems may run out of distinct values');

  const tailMin = Math.max(0, minItems - prefix.length);
  const tailMax = tail ? Math.max(tailMin, limit - prefix.length) : 0;
  const tailArray: fc.Arbitrary<unknown[]> = tail
    ? unique
      ? boundedUniqueArray(tail, { minLength: tailMin, maxLength: tailMax, comparator: jsonEqual }, builder.options.attempts, () =>
          unsupported(at, `could not draw ${tailMin} distinct items for uniqueItems`),
        )
      : fc.array(tail, { minLength: tailMin, maxLength: tailMax })
    : fc.constant([]);
  const countMin = Math.min(minItems, prefix.length);
  return fc
    .tuple(fc.integer({ min: countMin, max: prefix.length }), fc.tuple(...prefix), tailArray)
    .map(([count, head, rest]) => (count < prefix.length ? head.slice(0, count) : [...head, ...rest]));
}

/** The conjunction of what each conjunct says about position `i`. */
function schemasAt(conjuncts: readonly ArrayConjunct[], i: number): RawSchema[] {
  const evaluated = conjuncts.some((c) => i < c.prefixItems.length || c.items !== undefined);
  const out: RawSchema[] = [];
  for (const c of conjuncts) {
    const schema = i < c.prefixItems.length ? c.prefixItems[i] : c.items !== undefined ? c.items : !evaluated ? c.unevaluatedItems : undefined;
    if (schema !== undefined && schema !== true) out.push(schema);
  }
  return out;
}

function containsArbitrary(
  builder: Builder,
  node: Node,
  spec: ArrayConjunct,
  itemSchemas: RawSchema[],
  minItems: number,
  limit: number,
  unique: boolean,
  at: string,
): fc.Arbitrary<unknown[]> {
  const contains = spec.contains!;
  const minContains = Math.max(0, Math.ceil(spec.minContains));
  const maxContains = spec.maxContains === undefined ? undefined : Math.floor(spec.maxContains);
  if (maxContains !== undefined && minContains > maxContains) throw unsatisfiable(at, `minContains ${minContains} exceeds maxContains ${maxContains}`);
  if (minContains > limit) throw unsatisfiable(at, `the array must contain ${minContains} matching items but holds at most ${limit}`);
  const pointer = joinPointer(at, 'contains');
  let matching: fc.Arbitrary<unknown> | undefined;
  try {
    matching = builder.build([...itemSchemas, contains], node.depth, pointer);
  } catch (error) {
    if (!isFailure(error)) throw error;
    if (minContains > 0) throw asUnsat(error, pointer, 'no item can satisfy `contains`');
  }
  let others: fc.Arbitrary<unknown> | undefined;
  try {
    others =
      maxContains === undefined
        ? builder.build(itemSchemas, node.depth, pointer)
        : builder.build([...itemSchemas, { not: builder.doc.reference(contains) }], node.depth, pointer);
  } catch (error) {
    if (!isFailure(error)) throw error;
  }
  const matchMax = Math.min(limit, maxContains ?? minContains + 2);
  const matches = matching ? fc.array(matching, { minLength: minContains, maxLength: Math.max(minContains, matchMax) }) : fc.constant([]);
  const restMin = Math.max(0, minItems - minContains);
  const rest = others ? fc.array(others, { minLength: restMin, maxLength: Math.max(restMin, limit - minContains) }) : fc.constant([]);
  const smallest = 1 + (matching ? minContains * builder.sizeOf(matching) : 0) + (others ? restMin * builder.sizeOf(others) : 0);
  builder.checkSize(smallest, at, `minContains ${minContains} with minItems ${minItems}`);
  const arb = fc.tuple(matches, rest, fc.array(fc.nat(), { maxLength: limit })).map(([m, o, slots]) => {
    const items = o.slice(0, Math.max(0, limit - m.length));
    m.forEach((item, i) => items.splice((slots[i] ?? 0) % (items.length + 1), 0, item));
    return items;
  });
  if (unique) node.inexact.push('uniqueItems');
  return builder.sized(arb, smallest, at, `minContains ${minContains} with minItems ${minItems}`);
}

function isFailure(error: unknown): boolean {
  return error instanceof SchemaGenerationError || error instanceof RecursionExhausted;
}

function asUnsat(error: unknown, pointer: string, message: string): unknown {
  if (error instanceof SchemaGenerationError && error.kind === 'unsatisfiable') return unsatisfiable(pointer, `${message}: ${error.describe()}`);
  return error;
}
