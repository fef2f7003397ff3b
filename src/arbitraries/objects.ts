import * as fc from 'fast-check';
import { propertyKey } from './any-value.ts';
import { boundedUniqueArray, softFilter } from './bounded.ts';
import type { Builder } from './build.ts';
import { RecursionExhausted, SchemaGenerationError, unsatisfiable, unsupported } from './errors.ts';
import { joinPointer, setOwn } from './json.ts';
import type { RawSchema } from './keywords.ts';
import type { Node, ObjectConjunct } from './node.ts';
import { compilePattern, patternArbitrary, type CompiledPattern } from './regex.ts';

/**
 * Objects from every object conjunct of a node. A property's schema is the conjunction, over
 * conjuncts, of what each says about that name (its `properties` entry, else the matching
 * `patternProperties`, else `additionalProperties`), so `allOf` members merge exactly. Required
 * names (closed under `dependentRequired`) are always present; optional ones are switched on by
 * generated booleans (which shrink to "absent"); extra names come from `patternProperties`
 * patterns and, if allowed, from plain keys, each checked against `propertyNames` and against
 * the other patterns. `min/maxProperties` bound the count.
 */
export function objectArbitrary(builder: Builder, node: Node, pointer: string): fc.Arbitrary<Record<string, unknown>> {
  const conjuncts = node.objects;
  const at = conjuncts.find((c) => c.properties.size > 0 || c.required.length > 0)?.pointer ?? conjuncts[0]?.pointer ?? pointer;
  const terminal = node.depth >= builder.options.maxDepth;
  const minProperties = Math.max(0, ...conjuncts.map((c) => Math.ceil(c.minProperties)));
  const maxProperties = Math.min(Infinity, ...conjuncts.map((c) => (c.maxProperties === undefined ? Infinity : Math.floor(c.maxProperties))));
  if (minProperties > maxProperties) throw unsatisfiable(at, `minProperties ${minProperties} exceeds maxProperties ${maxProperties}`);

  const patterns = new Map<string, CompiledPattern>();
  for (const c of conjuncts) for (const [p] of c.patternProperties) if (!patterns.has(p)) patterns.set(p, compilePattern(p, joinPointer(c.pointer, 'patternProperties', p)));
  const nameChecks = conjuncts.filter((c) => c.propertyNames !== undefined).map((c) => builder.check([c.propertyNames!]));
  const nameAllowed = (name: string) => nameChecks.every((check) => check(name));

  const known: string[] = [];
  const addKnown = (name: string) => {
    if (!known.includes(name)) known.push(name);
  };
  for (const c of conjuncts) {
    for (const name of c.required) addKnown(name);
    for (const name of c.properties.keys()) addKnown(name);
    for (const [name, deps] of c.dependentRequired) {
      addKnown(name);
      deps.forEach(addKnown);
    }
  }
  const knownSet = new Set(known);
  const forbidden = new Set<string>();
  for (const c of conjuncts) c.forbidden.forEach((name) => forbidden.add(name));

  const schemasFor = (name: string): RawSchema[] | false => {
    const evaluated = conjuncts.some((c) => c.properties.has(name) || c.additionalProperties !== undefined || c.patternProperties.some(([p]) => patterns.get(p)!.test(name)));
    const out: RawSchema[] = [];
    for (const c of conjuncts) {
      // `properties` and every matching `patternProperties` apply together; `additionalProperties`
      // only to names neither covers.
      const applicable: RawSchema[] = [];
      if (c.properties.has(name)) applicable.push(c.properties.get(name)!);
      for (const [p, schema] of c.patternProperties) if (patterns.get(p)!.test(name)) applicable.push(schema);
      if (applicable.length === 0) {
        if (c.additionalProperties !== undefined) applicable.push(c.additionalProperties);
        else if (!evaluated && c.unevaluatedProperties !== undefined) applicable.push(c.unevaluatedProperties);
      }
      for (const schema of applicable) {
        if (schema === false) return false;
        if (schema !== true) out.push(schema);
      }
    }
    return out;
  };

  const dependents = new Map<string, Set<string>>();
  for (const c of conjuncts) {
    for (const [name, deps] of c.dependentRequired) {
      const set = dependents.get(name) ?? new Set<string>();
      deps.forEach((d) => set.add(d));
      dependents.set(name, set);
    }
  }
  const closure = (name: string): string[] => {
    const out = [name];
    for (let i = 0; i < out.length; i++) for (const d of dependents.get(out[i]!) ?? []) if (!out.includes(d)) out.push(d);
    return out;
  };

  const required = new Set<string>();
  for (const c of conjuncts) for (const name of c.required) closure(name).forEach((n) => required.add(n));

  // Before anything is built: thousands of required names, or minProperties, beyond the budget.
  let floor = 1 + Math.max(0, minProperties - required.size);
  for (const name of required) floor += 1 + name.length;
  builder.checkSize(floor, at, required.size >= minProperties ? `${required.size} required properties` : `minProperties ${minProperties}`);

  const values = new Map<string, fc.Arbitrary<unknown>>();
  const valuePointer = (name: string) => joinPointer(at, 'properties', name);
  for (const name of known) {
    const schemas = schemasFor(name);
    if (schemas === false || forbidden.has(name) || !nameAllowed(name)) {
      forbidden.add(name);
      if (required.has(name)) throw unsatisfiable(at, `property "${name}" is required but its schema (or propertyNames, or a \`not\`) forbids it`);
      continue;
    }
    const needed = required.has(name) || !terminal || minProperties > required.size;
    if (!needed) continue;
    try {
      values.set(name, builder.build(schemas, node.depth, valuePointer(name)));
    } catch (error) {
      if (!(error instanceof SchemaGenerationError || error instanceof RecursionExhausted)) throw error;
      if (required.has(name)) {
        if (error instanceof SchemaGenerationError && error.kind === 'unsatisfiable') {
          throw unsatisfiable(at, `required property "${name}" admits no value: ${error.describe()}`);
        }
        throw error;
      }
      forbidden.add(name);
    }
  }
  if (required.size > maxProperties) throw unsatisfiable(at, `${required.size} properties are required but maxProperties is ${maxProperties}`);

  const requiredNames = known.filter((n) => required.has(n));
  const optionalNames = known.filter((n) => !required.has(n) && values.has(n) && closure(n).every((d) => !forbidden.has(d) && values.has(d)));

  const needExtras = minProperties > required.size + optionalNames.length;
  const extras = terminal && !needExtras ? [] : extraEntries(builder, node, conjuncts, patterns, knownSet, (name) => !forbidden.has(name) && nameAllowed(name), at);
  const extraCount = Math.min(Math.max(builder.options.maxExtraProperties, minProperties - required.size - optionalNames.length), Math.max(0, maxProperties - required.size));
  if (needExtras && (extras.length === 0 || extraCount === 0) && forbiddenEverythingElse(conjuncts)) {
    throw unsatisfiable(at, `minProperties ${minProperties} cannot be reached with the properties this object may have`);
  }
  if (minProperties > required.size) node.inexact.push('minProperties');
  if (conjuncts.some((c) => c.unevaluatedProperties !== undefined)) node.inexact.push('unevaluatedProperties');

  const extraMin = Math.min(extraCount, Math.max(0, minProperties - required.size - optionalNames.length));
  const extraList =
    extras.length === 0 || extraCount === 0
      ? undefined
      : boundedUniqueArray(
          extras.length === 1 ? extras[0]! : fc.oneof(...extras),
          { maxLength: extraCount, minLength: extraMin, selector: (entry) => entry?.[0] },
          builder.options.attempts,
          () => unsupported(at, `could not find ${extraMin} distinct property names for minProperties`),
        );
  // Undeclared properties in about one object in four: enough to exercise consumers, without
  // every body carrying noise (and the cost of building it).
  const none = fc.constant<Array<[string, unknown] | undefined>>([]);
  const extraArb = !extraList ? none : extraMin > 0 ? extraList : fc.oneof({ arbitrary: none, weight: 3 }, { arbitrary: extraList, weight: 1 });

  // The smallest object: the required properties at their smallest, and enough extra ones.
  let smallest = 1 + Math.max(0, minProperties - requiredNames.length);
  for (const name of requiredNames) smallest += name.length + builder.sizeOf(values.get(name)!);
  builder.checkSize(smallest, at, `${requiredNames.length} required properties`);

  const requiredIndex = new Map(requiredNames.map((n, i) => [n, i]));
  const optionalIndex = new Map(optionalNames.map((n, i) => [n, i]));
  const closures = new Map(optionalNames.map((n) => [n, closure(n)]));
  const object = fc
    .tuple(
      fc.tuple(...requiredNames.map((n) => values.get(n)!)),
      fc.tuple(...optionalNames.map((n) => values.get(n)!)),
      fc.tuple(...optionalNames.map(() => fc.boolean())),
      extraArb,
    )
    .map(([requiredValues, optionalValues, present, extra]) => {
      const object: Record<string, unknown> = {};
      let count = 0;
      const has = (name: string) => Object.prototype.hasOwnProperty.call(object, name);
      const put = (name: string, value: unknown) => {
        if (has(name)) return;
        setOwn(object, name, value);
        count++;
      };
      const valueOf = (name: string): unknown => {
        const i = optionalIndex.get(name);
        return i === undefined ? requiredValues[requiredIndex.get(name)!] : optionalValues[i];
      };
      for (let i = 0; i < requiredNames.length; i++) put(requiredNames[i]!, requiredValues[i]);
      const include = (name: string): boolean => {
        const group = closures.get(name)!;
        let missing = 0;
        for (const n of group) if (!has(n)) missing++;
        if (count + missing > maxProperties) return false;
        for (const n of group) put(n, valueOf(n));
        return true;
      };
      for (let i = 0; i < optionalNames.length; i++) if (present[i]) include(optionalNames[i]!);
      for (const entry of extra) {
        if (entry && count < maxProperties) put(entry[0], entry[1]);
      }
      for (const name of optionalNames) {
        if (count >= minProperties) break;
        include(name);
      }
      return object;
    });
  return builder.sized(object, smallest, at, `${requiredNames.length} required properties`);
}

const NAME_PROBE = { seed: 0x4e4d, numRuns: 8 };

/** True when no conjunct leaves room for names beyond the declared ones. */
function forbiddenEverythingElse(conjuncts: readonly ObjectConjunct[]): boolean {
  return conjuncts.some((c) => c.additionalProperties === false && c.patternProperties.length === 0);
}

/**
 * Arbitraries of `[name, value]` for names the schema does not declare: one per distinct
 * `patternProperties` pattern (names matching exactly that pattern among all), plus plain keys
 * when `additionalProperties` allows them and the option asks for them. A name that cannot be
 * found in a bounded search yields `undefined` and is skipped.
 */
function extraEntries(
  builder: Builder,
  node: Node,
  conjuncts: readonly ObjectConjunct[],
  patterns: Map<string, CompiledPattern>,
  known: Set<string>,
  nameAllowed: (name: string) => boolean,
  at: string,
): Array<fc.Arbitrary<[string, unknown] | undefined>> {
  const out: Array<fc.Arbitrary<[string, unknown] | undefined>> = [];
  const attempts = Math.min(builder.options.attempts, 16);
  const entry = (names: fc.Arbitrary<string | undefined>, accepts: (name: string) => boolean, schemas: RawSchema[], pointer: string) => {
    let value: fc.Arbitrary<unknown>;
    try {
      value = builder.build(schemas, node.depth, pointer);
    } catch (error) {
      if (error instanceof SchemaGenerationError || error instanceof RecursionExhausted) return;
      throw error;
    }
    const name = softFilter(names, (n): n is string => typeof n === 'string' && accepts(n), attempts);
    // A kind of name the search never finds (a pattern that propertyNames rules out) is dropped.
    if (fc.sample(name, NAME_PROBE).every((n) => n === undefined)) return;
    out.push(fc.tuple(name, value).map(([n, v]) => (n === undefined ? undefined : ([n, v] as [string, unknown]))));
  };

  const propertyNameSchemas = conjuncts.filter((c) => c.propertyNames !== undefined).map((c) => c.propertyNames!);
  for (const [source, compiled] of patterns) {
    const probe = representativeSchemas(conjuncts, source);
    if (probe === false) continue;
    const accepts = (name: string) =>
      !known.has(name) && nameAllowed(name) && [...patterns].every(([p, c]) => p === source || !c.test(name)) && compiled.test(name);
    entry(patternArbitrary(compiled, 1, 24), accepts, probe, joinPointer(at, 'patternProperties', source));
  }

  const additionalAllowed = builder.options.extraProperties && conjuncts.every((c) => c.additionalProperties !== false && c.unevaluatedProperties !== false);
  if (additionalAllowed) {
    const accepts = (name: string) => !known.has(name) && nameAllowed(name) && [...patterns.values()].every((c) => !c.test(name));
    const schemas = additionalSchemas(conjuncts);
    let names: fc.Arbitrary<string | undefined> = propertyKey;
    if (propertyNameSchemas.length > 0) {
      try {
        names = builder.build([...propertyNameSchemas, { type: 'string' }], node.depth, joinPointer(at, 'propertyNames')) as fc.Arbitrary<string>;
      } catch (error) {
        if (!(error instanceof SchemaGenerationError || error instanceof RecursionExhausted)) throw error;
        return out;
      }
    }
    entry(names, accepts, schemas, joinPointer(at, 'additionalProperties'));
  }
  return out;
}

/** What a name no conjunct declares or matches by pattern gets (additional/unevaluated schemas). */
function additionalSchemas(conjuncts: readonly ObjectConjunct[]): RawSchema[] {
  const anyAdditional = conjuncts.some((c) => c.additionalProperties !== undefined);
  const out: RawSchema[] = [];
  for (const c of conjuncts) {
    const schema = c.additionalProperties ?? (anyAdditional ? undefined : c.unevaluatedProperties);
    if (schema !== undefined && schema !== true) out.push(schema);
  }
  return out;
}

/** The schemas a name matching exactly `pattern` (and no other) gets in every conjunct. */
function representativeSchemas(conjuncts: readonly ObjectConjunct[], pattern: string): RawSchema[] | false {
  const out: RawSchema[] = [];
  for (const c of conjuncts) {
    const own = c.patternProperties.filter(([p]) => p === pattern).map(([, s]) => s);
    const applicable = own.length > 0 ? own : c.additionalProperties !== undefined ? [c.additionalProperties] : [];
    for (const schema of applicable) {
      if (schema === false) return false;
      if (schema !== true) out.push(schema);
    }
  }
  return out;
}
