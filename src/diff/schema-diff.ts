import { canonicalJson } from '../util/canonical-json.ts';
import { appendPointer, fragmentTokens, resolveTokens } from '../schemas/pointer.ts';
import type { JsonSchema, JsonSchemaObject } from '../schemas/types.ts';

/**
 * What changed between two versions of a response body schema, from the consumer's side. A
 * response is read by clients: whatever lets the provider send a value the old schema forbade
 * (a new type, a dropped bound, a new `oneOf` member, a removed property) can break one; whatever
 * only forbids more is information. Each kind is one `diff/<kind>` rule (`src/diff/rules/`).
 */
export const SCHEMA_CHANGE_KINDS = [
  'type-widened',
  'type-narrowed',
  'type-changed',
  'body-type-changed',
  'became-nullable',
  'became-not-nullable',
  'required-property-removed',
  'optional-property-removed',
  'deprecated-removed',
  'property-added',
  'property-became-optional',
  'property-became-required',
  'enum-value-added',
  'enum-value-removed',
  'const-changed',
  'const-removed',
  'const-added',
  'maximum-increased',
  'exclusive-maximum-increased',
  'minimum-decreased',
  'exclusive-minimum-decreased',
  'max-length-increased',
  'min-length-decreased',
  'max-items-increased',
  'min-items-decreased',
  'max-properties-increased',
  'min-properties-decreased',
  'multiple-of-relaxed',
  'unique-items-removed',
  'constraint-tightened',
  'format-widened',
  'format-narrowed',
  'format-changed',
  'pattern-added',
  'pattern-changed',
  'pattern-removed',
  'one-of-member-added',
  'one-of-member-removed',
  'any-of-member-added',
  'any-of-member-removed',
  'additional-properties-widened',
  'pattern-property-removed',
  'property-names-relaxed',
  'prefix-items-added',
  'prefix-items-removed',
  'contains-relaxed',
  'dependent-required-relaxed',
  'dependent-schema-removed',
  'conditional-removed',
  'unevaluated-removed',
  'content-changed',
  'default-changed',
  'property-deprecated',
  'read-write-only-changed',
] as const;

export type SchemaChangeKind = (typeof SCHEMA_CHANGE_KINDS)[number];

export interface SchemaChange {
  kind: SchemaChangeKind;
  /** JSON pointer into the new schema (into the old one for what was removed). */
  pointer: string;
  /** Where in a body the change applies, for people: `data[].id`, `(root)`. */
  path: string;
  message: string;
  evidence?: { old?: unknown; new?: unknown };
}

type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';
const ALL_TYPES: readonly JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

interface Loc {
  schema: JsonSchema;
  pointer: string;
}

/** A conjunction of schema nodes (a node and its `allOf` parts, a `oneOf` member and its parent). */
interface Conj {
  locs: Loc[];
  /** Where findings about this place point. */
  pointer: string;
  /** Schema objects whose `oneOf`/`anyOf` are already expanded (a member's parent). */
  skip: ReadonlySet<object>;
}

interface Bound {
  value: number;
  exclusive: boolean;
}

/** Everything a conjunction says, merged keyword by keyword: nothing is lost, nothing folded first-wins. */
interface Shape {
  never: boolean;
  /** undefined: any type. */
  types?: Set<JsonType>;
  values?: Set<string>;
  hasConst: boolean;
  upper?: Bound;
  lower?: Bound;
  counts: Partial<Record<CountKeyword, number>>;
  multipleOf: number[];
  uniqueItems: boolean;
  patterns: Set<string>;
  formats: Set<string>;
  properties: Map<string, Loc[]>;
  required: Set<string>;
  additionalProperties: Loc[];
  patternProperties: Map<string, Loc[]>;
  propertyNames: Loc[];
  items: Loc[];
  prefixItems: Loc[][];
  contains: Loc[];
  dependentRequired: Map<string, Set<string>>;
  dependentSchemas: Map<string, Loc[]>;
  conditionals: Map<string, { if: Loc; then: Loc[]; else: Loc[] }>;
  unevaluatedItems: Loc[];
  unevaluatedProperties: Loc[];
  contentMediaType?: string;
  contentEncoding?: string;
  contentSchema: Loc[];
  default?: string;
  deprecated: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  branches?: { keyword: 'oneOf' | 'anyOf'; owner: object; members: Loc[] };
}

const COUNT_KEYWORDS = ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties', 'maxContains', 'minContains'] as const;
type CountKeyword = (typeof COUNT_KEYWORDS)[number];
/** Count bounds: which kind a loosening of each is reported under (`minContains`/`maxContains`: `contains-relaxed`). */
const COUNT_RELAXED: Record<CountKeyword, { upper: boolean; kind: SchemaChangeKind }> = {
  maxLength: { upper: true, kind: 'max-length-increased' },
  minLength: { upper: false, kind: 'min-length-decreased' },
  maxItems: { upper: true, kind: 'max-items-increased' },
  minItems: { upper: false, kind: 'min-items-decreased' },
  maxProperties: { upper: true, kind: 'max-properties-increased' },
  minProperties: { upper: false, kind: 'min-properties-decreased' },
  maxContains: { upper: true, kind: 'contains-relaxed' },
  minContains: { upper: false, kind: 'contains-relaxed' },
};

/** Formats and the formats that accept every value they accept (and more). */
const FORMAT_SUPERSETS: Record<string, readonly string[]> = {
  int32: ['int64'],
  float: ['double'],
  email: ['idn-email'],
  hostname: ['idn-hostname'],
  uri: ['iri', 'uri-reference', 'iri-reference'],
  iri: ['iri-reference'],
  'uri-reference': ['iri-reference'],
  ipv4: [],
  ipv6: [],
};

const MAX_DEPTH = 64;

interface Context {
  old: { root: JsonSchema; base: string };
  now: { root: JsonSchema; base: string };
  changes: SchemaChange[];
  /** Pairs already compared: recursive `$ref`s end here. */
  seen: Set<string>;
  /** Comparisons left (shared with nested probes): a hostile schema cannot make the walk explode. */
  budget: { left: number };
}

const BUDGET = 50_000;

/** Both schemas are body schemas in 2020-12 (normalised), refs relative to their own roots. */
export function diffSchemas(oldSchema: JsonSchema, newSchema: JsonSchema, pointers: { old: string; new: string } = { old: '', new: '' }): SchemaChange[] {
  const context: Context = {
    old: { root: oldSchema, base: pointers.old },
    now: { root: newSchema, base: pointers.new },
    changes: [],
    seen: new Set(),
    budget: { left: BUDGET },
  };
  compare(conj([{ schema: oldSchema, pointer: pointers.old }]), conj([{ schema: newSchema, pointer: pointers.new }]), '', context, 0, false);
  // a parent's keyword is compared once per matched oneOf member: report it once
  const unique = new Map<string, SchemaChange>();
  for (const change of context.changes) {
    const key = `${change.kind}\u0000${change.pointer}\u0000${change.path}\u0000${change.message}`;
    if (!unique.has(key)) unique.set(key, change);
  }
  return [...unique.values()];
}

function conj(locs: Loc[], skip: ReadonlySet<object> = new Set(), pointer = locs[0]?.pointer ?? ''): Conj {
  return { locs, pointer, skip };
}

function compare(before: Conj, after: Conj, path: string, context: Context, depth: number, memberPair: boolean): void {
  if (depth > MAX_DEPTH || context.budget.left-- <= 0) return;
  const key = `${before.locs.map((l) => l.pointer).join(',')}|${[...before.skip].length}\u0000${after.locs.map((l) => l.pointer).join(',')}|${[...after.skip].length}\u0000${memberPair}`;
  if (context.seen.has(key)) return;
  context.seen.add(key);
  const old = shapeOf(before, context.old);
  const now = shapeOf(after, context.now);
  const where = path || '(root)';
  const push = (kind: SchemaChangeKind, pointer: string, message: string, evidence?: SchemaChange['evidence'], at = where) =>
    context.changes.push({ kind, pointer, path: at, message: `${at}: ${message}`, ...(evidence ? { evidence } : {}) });
  const here = after.pointer;
  const oldTypes = effectiveTypes(old, before, context.old, depth);
  const newTypes = effectiveTypes(now, after, context.now, depth);

  if (!memberPair) compareTypes(oldTypes, newTypes, path === '', here, push);
  // with oneOf/anyOf on either side, each matched pair of members (parent keywords included) is compared instead
  if (old.branches || now.branches) return compareBranches(old, now, before, after, oldTypes, newTypes, path, context, depth, push);
  compareValues(old, now, here, push, admits(newTypes, 'null') && !admits(oldTypes, 'null'));
  compareBounds(old, now, here, push);
  compareFormats(old, now, here, push);
  comparePatterns(old, now, here, push);
  compareAnnotations(old, now, here, path, push);

  if (admits(oldTypes, 'object') && admits(newTypes, 'object')) compareObjects(old, now, before, after, path, context, depth, push);
  if (admits(oldTypes, 'array') && admits(newTypes, 'array')) compareArrays(old, now, path, context, depth, push, before, after);
  compareApplicators(old, now, path, context, depth, push, before, after);
}

type Push = (kind: SchemaChangeKind, pointer: string, message: string, evidence?: SchemaChange['evidence'], at?: string) => void;

// ── types ──────────────────────────────────────────────────────────────────────────────────────

function compareTypes(oldTypes: Set<JsonType>, newTypes: Set<JsonType>, atRoot: boolean, here: string, push: Push): void {
  if (!admits(oldTypes, 'null') && admits(newTypes, 'null') && oldTypes.size > 0) {
    push('became-nullable', here, 'may now be null: a client that reads it without a null check breaks', { old: [...oldTypes], new: [...newTypes] });
  }
  if (admits(oldTypes, 'null') && !admits(newTypes, 'null') && newTypes.size > 0) {
    push('became-not-nullable', here, 'is no longer null', { old: [...oldTypes], new: [...newTypes] });
  }
  const oldNon = new Set([...oldTypes].filter((t) => t !== 'null'));
  const newNon = new Set([...newTypes].filter((t) => t !== 'null'));
  const added = [...newNon].filter((t) => !admits(oldNon, t));
  const removed = [...oldNon].filter((t) => !admits(newNon, t));
  const evidence = { old: [...oldTypes], new: [...newTypes] };
  if (added.length > 0 && removed.length > 0 && added.length === newNon.size && oldNon.size > 0) {
    if (atRoot) push('body-type-changed', here, `the body is now ${list(added)} (was ${list([...oldNon])}): every client that parses it breaks`, evidence);
    else push('type-changed', here, `is now ${list(added)} (was ${list([...oldNon])}): a client that reads the old type breaks`, evidence);
    return;
  }
  if (added.length > 0) push('type-widened', here, `may now be ${list(added)} (was ${list([...oldTypes])}): a client that handles only the old types breaks`, evidence);
  if (removed.length > 0 && newNon.size > 0) push('type-narrowed', here, `is no longer ${list(removed)} (now ${list([...newTypes])})`, evidence);
}

function effectiveTypes(shape: Shape, at: Conj, side: Context['old'], depth: number): Set<JsonType> {
  if (shape.never) return new Set();
  let types = shape.types ? new Set(shape.types) : new Set(ALL_TYPES);
  if (shape.branches && depth < MAX_DEPTH) {
    const union = new Set<JsonType>();
    for (const member of memberConjs(shape, at)) for (const t of effectiveTypes(shapeOf(member, side), member, side, depth + 1)) union.add(t);
    types = intersect(types, union);
  }
  return types;
}

// ── enum / const ───────────────────────────────────────────────────────────────────────────────

function compareValues(old: Shape, now: Shape, here: string, push: Push, becameNullable: boolean): void {
  const shown = (values: Iterable<string>) => [...values].slice(0, 5).join(', ');
  if (old.values && old.hasConst && old.values.size === 1) {
    const [value] = old.values;
    if (!now.values) return push('const-removed', here, `is no longer always ${value}: a client that relies on that value breaks`, { old: parse(value!) });
    if (now.hasConst && now.values.size === 1 && !now.values.has(value!)) {
      return push('const-changed', here, `is now always ${[...now.values][0]} (was ${value})`, { old: parse(value!), new: parse([...now.values][0]!) });
    }
  }
  if (old.values) {
    if (!now.values) return push('enum-value-added', here, `is no longer limited to ${old.values.size} value(s): a client that switches over them meets others`, { old: parsedValues(old.values) });
    const added = [...now.values].filter((v) => !old.values!.has(v) && !(becameNullable && v === 'null'));
    const removed = [...old.values].filter((v) => !now.values!.has(v));
    if (added.length > 0) push('enum-value-added', here, `may now be ${shown(added)}${added.length > 5 ? ` and ${added.length - 5} more` : ''}: a client that switches over the old values meets new ones`, { old: parsedValues(old.values), new: parsedValues(now.values) });
    if (removed.length > 0) push('enum-value-removed', here, `is no longer ${shown(removed)}`, { old: parsedValues(old.values), new: parsedValues(now.values) });
    return;
  }
  if (now.values) {
    if (now.hasConst && now.values.size === 1) push('const-added', here, `is now always ${[...now.values][0]}`, { new: parse([...now.values][0]!) });
    else push('constraint-tightened', here, `is now limited to ${now.values.size} value(s)`, { new: parsedValues(now.values) });
  }
}

// ── bounds ─────────────────────────────────────────────────────────────────────────────────────

function compareBounds(old: Shape, now: Shape, here: string, push: Push): void {
  const show = (b: Bound | undefined, upper: boolean) => (b ? `${upper ? (b.exclusive ? '<' : '≤') : b.exclusive ? '>' : '≥'} ${b.value}` : 'unbounded');
  for (const upper of [true, false]) {
    const a = upper ? old.upper : old.lower;
    const b = upper ? now.upper : now.lower;
    const looser = a && (!b || (upper ? b.value > a.value : b.value < a.value) || (b.value === a.value && a.exclusive && !b.exclusive));
    const tighter = b && (!a || (upper ? b.value < a.value : b.value > a.value) || (b.value === a.value && b.exclusive && !a.exclusive));
    const evidence = { old: show(a, upper), new: show(b, upper) };
    if (looser) {
      const kind: SchemaChangeKind = upper ? (a.exclusive ? 'exclusive-maximum-increased' : 'maximum-increased') : a.exclusive ? 'exclusive-minimum-decreased' : 'minimum-decreased';
      push(kind, here, `${upper ? 'upper' : 'lower'} bound ${b ? `${upper ? 'raised' : 'lowered'} from ${show(a, upper)} to ${show(b, upper)}` : `${show(a, upper)} dropped`}: values outside the old range can now arrive`, evidence);
    } else if (tighter) {
      push('constraint-tightened', here, `${upper ? 'upper' : 'lower'} bound now ${show(b, upper)} (was ${show(a, upper)})`, evidence);
    }
  }
  for (const keyword of COUNT_KEYWORDS) {
    const a = old.counts[keyword];
    const b = now.counts[keyword];
    const { upper, kind } = COUNT_RELAXED[keyword];
    if (a !== undefined && (b === undefined || (upper ? b > a : b < a))) {
      push(kind, here, `${keyword} ${b === undefined ? `${a} dropped` : `${upper ? 'raised' : 'lowered'} from ${a} to ${b}`}`, { old: a, new: b });
    } else if (b !== undefined && (a === undefined || (upper ? b < a : b > a))) {
      push('constraint-tightened', here, `${keyword} now ${b}${a === undefined ? '' : ` (was ${a})`}`, { old: a, new: b });
    }
  }
  for (const m of old.multipleOf) {
    if (!now.multipleOf.some((n) => isMultiple(n, m))) {
      push('multiple-of-relaxed', here, `multipleOf ${m} ${now.multipleOf.length ? `changed to ${now.multipleOf.join(', ')}` : 'dropped'}: values that are not multiples of ${m} can now arrive`, { old: m, new: now.multipleOf[0] });
    }
  }
  if (now.multipleOf.some((n) => !old.multipleOf.some((m) => isMultiple(m, n)) && old.multipleOf.every((m) => isMultiple(n, m)))) {
    push('constraint-tightened', here, `multipleOf now ${now.multipleOf.join(', ')}`, { old: old.multipleOf[0], new: now.multipleOf[0] });
  }
  if (old.uniqueItems && !now.uniqueItems) push('unique-items-removed', here, 'items are no longer unique: a client that keys them by value may meet duplicates');
  if (!old.uniqueItems && now.uniqueItems) push('constraint-tightened', here, 'items are now unique');
}

function isMultiple(n: number, m: number): boolean {
  const q = n / m;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

// ── format / pattern ──────────────────────────────────────────────────────────────────────────

function compareFormats(old: Shape, now: Shape, here: string, push: Push): void {
  for (const f of old.formats) {
    if (now.formats.has(f)) continue;
    const [g] = [...now.formats].filter((x) => !old.formats.has(x));
    if (g === undefined) push('format-widened', here, `format ${f} dropped: values that are not ${f} can now arrive`, { old: f });
    else if (FORMAT_SUPERSETS[f]?.includes(g)) push('format-widened', here, `format widened from ${f} to ${g}: values outside ${f} can now arrive`, { old: f, new: g });
    else if (FORMAT_SUPERSETS[g]?.includes(f)) push('format-narrowed', here, `format narrowed from ${f} to ${g}`, { old: f, new: g });
    else push('format-changed', here, `format changed from ${f} to ${g}: a client that parses ${f} breaks`, { old: f, new: g });
  }
  if (old.formats.size === 0) for (const g of now.formats) push('format-narrowed', here, `now has format ${g}`, { new: g });
}

function comparePatterns(old: Shape, now: Shape, here: string, push: Push): void {
  const removed = [...old.patterns].filter((p) => !now.patterns.has(p));
  const added = [...now.patterns].filter((p) => !old.patterns.has(p));
  if (removed.length > 0 && added.length > 0) {
    push('pattern-changed', here, `pattern changed from ${JSON.stringify(removed[0])} to ${JSON.stringify(added[0])}: strings the old one refused may now arrive`, { old: removed[0], new: added[0] });
  } else if (removed.length > 0) {
    push('pattern-removed', here, `pattern ${JSON.stringify(removed[0])} dropped: any string may now arrive`, { old: removed[0] });
  } else if (added.length > 0) {
    push('pattern-added', here, `now matches ${JSON.stringify(added[0])}`, { new: added[0] });
  }
}

// ── annotations ───────────────────────────────────────────────────────────────────────────────

function compareAnnotations(old: Shape, now: Shape, here: string, path: string, push: Push): void {
  if (old.default !== now.default) {
    const verb = old.default === undefined ? `now defaults to ${now.default}` : now.default === undefined ? `no longer defaults to ${old.default}` : `default changed from ${old.default} to ${now.default}`;
    push('default-changed', here, verb, { old: old.default === undefined ? undefined : parse(old.default), new: now.default === undefined ? undefined : parse(now.default) });
  }
  if (!old.deprecated && now.deprecated) push('property-deprecated', here, `is deprecated: ${path ? 'it may be removed' : 'this response may go'} in a later version`);
  if (old.deprecated && !now.deprecated) push('property-deprecated', here, 'is no longer deprecated (reactivated)');
  for (const flag of ['readOnly', 'writeOnly'] as const) {
    if (old[flag] !== now[flag]) push('read-write-only-changed', here, `${now[flag] ? 'became' : 'is no longer'} ${flag}`, { old: old[flag], new: now[flag] });
  }
  if ((old.contentMediaType !== undefined && old.contentMediaType !== now.contentMediaType) || (old.contentEncoding !== undefined && old.contentEncoding !== now.contentEncoding)) {
    push('content-changed', here, `content ${old.contentMediaType ?? ''}${old.contentEncoding ? ` (${old.contentEncoding})` : ''} is now ${now.contentMediaType ?? 'any media type'}${now.contentEncoding ? ` (${now.contentEncoding})` : ''}: a client that decodes the old content breaks`, {
      old: { contentMediaType: old.contentMediaType, contentEncoding: old.contentEncoding },
      new: { contentMediaType: now.contentMediaType, contentEncoding: now.contentEncoding },
    });
  } else if ((old.contentMediaType === undefined && now.contentMediaType !== undefined) || (old.contentEncoding === undefined && now.contentEncoding !== undefined)) {
    push('constraint-tightened', here, `now declares its content (${now.contentMediaType ?? ''}${now.contentEncoding ? ` ${now.contentEncoding}` : ''})`);
  }
}

// ── objects ───────────────────────────────────────────────────────────────────────────────────

function compareObjects(old: Shape, now: Shape, before: Conj, after: Conj, path: string, context: Context, depth: number, push: Push): void {
  const child = (name: string) => (path ? `${path}.${name}` : name);
  for (const [name, oldLocs] of old.properties) {
    const newLocs = now.properties.get(name);
    const at = child(name);
    if (!newLocs) {
      const oldShape = shapeOf(conj(oldLocs), context.old);
      const required = old.required.has(name);
      if (oldShape.deprecated) push('deprecated-removed', oldLocs[0]!.pointer, `is gone from the response; it was deprecated${required ? ' (and required)' : ''}, so clients were warned`, undefined, at);
      else if (required) push('required-property-removed', oldLocs[0]!.pointer, 'is gone from the response (it was required): a client that reads it gets undefined', undefined, at);
      else push('optional-property-removed', oldLocs[0]!.pointer, 'is gone from the response: a client that reads it when present never sees it again', undefined, at);
      continue;
    }
    const pointer = newLocs[0]!.pointer;
    if (old.required.has(name) && !now.required.has(name)) push('property-became-optional', pointer, 'is no longer required: a client that assumes it is there breaks when it is missing', undefined, at);
    if (!old.required.has(name) && now.required.has(name)) push('property-became-required', pointer, 'is now required', undefined, at);
    compare(conj(oldLocs), conj(newLocs), at, context, depth + 1, false);
  }
  for (const [name, newLocs] of now.properties) {
    if (old.properties.has(name)) continue;
    push('property-added', newLocs[0]!.pointer, `is new${now.required.has(name) ? ' (required)' : ''}`, undefined, child(name));
  }

  // additionalProperties: absent means any value
  const oldExtra = old.additionalProperties;
  const newExtra = now.additionalProperties;
  if (oldExtra.length > 0 || newExtra.length > 0) {
    const oldAny = oldExtra.length === 0 ? conj([{ schema: true, pointer: before.pointer }]) : conj(oldExtra);
    const newAny = newExtra.length === 0 ? conj([{ schema: true, pointer: after.pointer }]) : conj(newExtra);
    const oldClosed = isNever(oldAny, context.old);
    const newClosed = isNever(newAny, context.now);
    if (oldClosed && !newClosed) push('additional-properties-widened', after.pointer, 'now allows properties it does not name: a client that maps the body to a closed type meets unknown fields');
    else if (!oldClosed && newClosed) push('constraint-tightened', after.pointer, 'no longer allows properties it does not name');
    else if (!oldClosed && !newClosed) {
      if (oldExtra.length > 0 && newExtra.length === 0) push('additional-properties-widened', after.pointer, 'additional properties may now be anything (they had a schema)');
      else if (oldExtra.length > 0) compare(oldAny, newAny, `${path}.*`, context, depth + 1, false);
      else push('constraint-tightened', after.pointer, 'additional properties now have a schema');
    }
  }
  for (const [pattern, oldLocs] of old.patternProperties) {
    const newLocs = now.patternProperties.get(pattern);
    if (!newLocs) push('pattern-property-removed', oldLocs[0]!.pointer, `properties matching ${JSON.stringify(pattern)} no longer have a schema: they may now be anything`, { old: pattern });
    else compare(conj(oldLocs), conj(newLocs), `${path}[/${pattern}/]`, context, depth + 1, false);
  }
  for (const [pattern, newLocs] of now.patternProperties) if (!old.patternProperties.has(pattern)) push('constraint-tightened', newLocs[0]!.pointer, `properties matching ${JSON.stringify(pattern)} now have a schema`);
  if (old.propertyNames.length > 0 && now.propertyNames.length === 0) push('property-names-relaxed', after.pointer, 'property names are no longer constrained: a client that relies on their form breaks');
  else if (old.propertyNames.length > 0) compareSubschema(old.propertyNames, now.propertyNames, 'property-names-relaxed', 'property names', after.pointer, context, depth, push);
  else if (now.propertyNames.length > 0) push('constraint-tightened', now.propertyNames[0]!.pointer, 'property names are now constrained');

  for (const [name, names] of old.dependentRequired) {
    const kept = now.dependentRequired.get(name);
    const lost = [...names].filter((n) => !kept?.has(n));
    if (lost.length > 0) push('dependent-required-relaxed', after.pointer, `with ${name} present, ${lost.join(', ')} ${lost.length > 1 ? 'are' : 'is'} no longer required`, { old: [...names], new: kept ? [...kept] : undefined });
  }
  for (const [name, names] of now.dependentRequired) {
    const had = old.dependentRequired.get(name);
    if ([...names].some((n) => !had?.has(n))) push('constraint-tightened', after.pointer, `with ${name} present, ${[...names].join(', ')} now required`);
  }
  for (const [name, oldLocs] of old.dependentSchemas) {
    const newLocs = now.dependentSchemas.get(name);
    if (!newLocs) push('dependent-schema-removed', oldLocs[0]!.pointer, `the schema that applied when ${name} is present is gone`);
    else compare(conj(oldLocs), conj(newLocs), path, context, depth + 1, false);
  }
  for (const [name, newLocs] of now.dependentSchemas) if (!old.dependentSchemas.has(name)) push('constraint-tightened', newLocs[0]!.pointer, `a schema now applies when ${name} is present`);
  compareUnevaluated(old.unevaluatedProperties, now.unevaluatedProperties, 'properties', after.pointer, path, context, depth, push);
}

// ── arrays ────────────────────────────────────────────────────────────────────────────────────

function compareArrays(old: Shape, now: Shape, path: string, context: Context, depth: number, push: Push, _before: Conj, after: Conj): void {
  const count = Math.min(old.prefixItems.length, now.prefixItems.length);
  for (let i = 0; i < count; i++) compare(conj(old.prefixItems[i]!), conj(now.prefixItems[i]!), `${path}[${i}]`, context, depth + 1, false);
  if (now.prefixItems.length > old.prefixItems.length) {
    push('prefix-items-added', now.prefixItems[count]![0]!.pointer, `positions ${count}…${now.prefixItems.length - 1} now have their own schemas: a client that reads every item alike may misread them`, { old: old.prefixItems.length, new: now.prefixItems.length });
  } else if (now.prefixItems.length < old.prefixItems.length) {
    push('prefix-items-removed', after.pointer, `positions ${count}…${old.prefixItems.length - 1} no longer have their own schemas`, { old: old.prefixItems.length, new: now.prefixItems.length });
  }
  if (old.items.length > 0 || now.items.length > 0) {
    const oldItems = old.items.length > 0 ? conj(old.items) : conj([{ schema: true, pointer: after.pointer }]);
    const newItems = now.items.length > 0 ? conj(now.items) : conj([{ schema: true, pointer: after.pointer }]);
    compare(oldItems, newItems, `${path}[]`, context, depth + 1, false);
  }
  if (old.contains.length > 0 && now.contains.length === 0) push('contains-relaxed', after.pointer, 'no longer promises an item matching its `contains` schema', undefined);
  else if (old.contains.length > 0) compareSubschema(old.contains, now.contains, 'contains-relaxed', 'the `contains` schema', after.pointer, context, depth, push);
  else if (now.contains.length > 0) push('constraint-tightened', now.contains[0]!.pointer, 'now promises an item matching its `contains` schema');
  compareUnevaluated(old.unevaluatedItems, now.unevaluatedItems, 'items', after.pointer, path, context, depth, push);
}

function compareUnevaluated(old: Loc[], now: Loc[], what: string, here: string, path: string, context: Context, depth: number, push: Push): void {
  if (old.length > 0 && now.length === 0) push('unevaluated-removed', here, `unevaluated ${what} are no longer constrained: ${what} the schema does not describe may now arrive`);
  else if (old.length > 0) {
    const [oldNever, newNever] = [isNever(conj(old), context.old), isNever(conj(now), context.now)];
    if (oldNever && !newNever) push('unevaluated-removed', here, `unevaluated ${what} are now allowed`);
    else if (!oldNever && !newNever) compare(conj(old), conj(now), `${path}.*`, context, depth + 1, false);
  } else if (now.length > 0) push('constraint-tightened', now[0]!.pointer, `unevaluated ${what} are now constrained`);
}

/** For keywords whose subschema is compared as a whole (propertyNames, contains): any widening relaxes. */
function compareSubschema(old: Loc[], now: Loc[], kind: SchemaChangeKind, what: string, here: string, context: Context, depth: number, push: Push): void {
  const inner: Context = { ...context, changes: [], seen: new Set() };
  compare(conj(old), conj(now), '', inner, depth + 1, false);
  const looser = inner.changes.find((c) => c.kind !== 'constraint-tightened' && !c.kind.endsWith('-narrowed') && c.kind !== 'property-deprecated' && c.kind !== 'default-changed');
  if (looser) push(kind, here, `${what} changed (${looser.message}): values it refused may now satisfy it`);
  else if (inner.changes.length > 0) push('constraint-tightened', here, `${what} tightened`);
}

// ── applicators: if/then/else, content ────────────────────────────────────────────────────────

function compareApplicators(old: Shape, now: Shape, path: string, context: Context, depth: number, push: Push, _before: Conj, after: Conj): void {
  const same = (a: Loc, b: Loc) => {
    const inner = (x: Loc, y: Loc, from: Context['old'], to: Context['old']) => {
      const probe: Context = { old: from, now: to, changes: [], seen: new Set(), budget: context.budget };
      compare(conj([x]), conj([y]), '', probe, depth + 1, false);
      return probe.changes.length === 0;
    };
    return inner(a, b, context.old, context.now) && inner(b, a, context.now, context.old);
  };
  const paired = new Set<string>();
  for (const [key, branches] of old.conditionals) {
    let kept = now.conditionals.get(key);
    if (!kept) {
      // the same condition written another way (a one-element type list, a $ref)
      const match = [...now.conditionals].find(([k, c]) => !old.conditionals.has(k) && !paired.has(k) && same(branches.if, c.if));
      if (match) {
        paired.add(match[0]);
        kept = match[1];
      }
    }
    if (!kept) {
      push('conditional-removed', after.pointer, 'an if/then/else it had is gone: what it guaranteed under its condition is no longer promised');
      continue;
    }
    if (branches.then.length && kept.then.length) compare(conj(branches.then), conj(kept.then), path, context, depth + 1, false);
    if (branches.else.length && kept.else.length) compare(conj(branches.else), conj(kept.else), path, context, depth + 1, false);
  }
  for (const key of now.conditionals.keys()) if (!old.conditionals.has(key) && !paired.has(key)) push('constraint-tightened', after.pointer, 'now has an if/then/else');
  if (old.contentSchema.length > 0 && now.contentSchema.length === 0) push('content-changed', after.pointer, 'the schema of its encoded content is gone');
  else if (old.contentSchema.length > 0) compare(conj(old.contentSchema), conj(now.contentSchema), `${path}<content>`, context, depth + 1, false);
  else if (now.contentSchema.length > 0) push('constraint-tightened', now.contentSchema[0]!.pointer, 'its encoded content now has a schema');
}

// ── oneOf / anyOf: members matched, never first-wins ──────────────────────────────────────────

function memberConjs(shape: Shape, at: Conj): Conj[] {
  if (!shape.branches) return [at];
  const skip = new Set(at.skip);
  skip.add(shape.branches.owner);
  return shape.branches.members.map((member) => ({ locs: [...at.locs, member], pointer: member.pointer, skip }));
}

interface Member {
  conj: Conj;
  shape: Shape;
  types: Set<JsonType>;
  tags: Map<string, string>;
  text: string;
}

function compareBranches(old: Shape, now: Shape, before: Conj, after: Conj, oldUnion: Set<JsonType>, newUnion: Set<JsonType>, path: string, context: Context, depth: number, push: Push): void {
  const members = (shape: Shape, at: Conj, side: Context['old']): Member[] =>
    memberConjs(shape, at).map((c) => {
      const s = shapeOf(c, side);
      return { conj: c, shape: s, types: effectiveTypes(s, c, side, depth + 1), tags: tagsOf(s, side), text: canonicalJson(c.locs[c.locs.length - 1]!.schema) };
    });
  const olds = members(old, before, context.old);
  const news = members(now, after, context.now);
  const pairs: Array<{ o: number; n: number; score: number }> = [];
  for (let o = 0; o < olds.length; o++) for (let n = 0; n < news.length; n++) {
    const score = similarity(olds[o]!, news[n]!);
    if (score > -Infinity) pairs.push({ o, n, score });
  }
  pairs.sort((a, b) => b.score - a.score || a.o - b.o || a.n - b.n);
  const oldMatched = new Map<number, number[]>();
  const newMatched = new Map<number, number>();
  for (const { o, n } of pairs) {
    if (oldMatched.has(o) || newMatched.has(n)) continue;
    oldMatched.set(o, [n]);
    newMatched.set(n, o);
  }
  // a member split off by type (`string|null` → anyOf string, null) is the same member, not a new one
  const typeSplit = (member: Member, matchedTypes: Set<JsonType>, union: Set<JsonType>) => [...member.types].every((t) => !admits(matchedTypes, t) && admits(union, t));
  const newMatchedTypes = new Set([...newMatched.keys()].flatMap((n) => [...news[n]!.types]));
  const oldMatchedTypes = new Set([...oldMatched.keys()].flatMap((o) => [...olds[o]!.types]));
  for (let n = 0; n < news.length; n++) {
    if (newMatched.has(n)) continue;
    const member = news[n]!;
    if ([...member.types].every((t) => !admits(oldUnion, t))) continue; // reported as a type change
    const host = olds.findIndex((o) => [...member.types].some((t) => admits(o.types, t)));
    if (typeSplit(member, newMatchedTypes, oldUnion) && host >= 0) {
      compare(olds[host]!.conj, member.conj, path, context, depth + 1, true);
      continue;
    }
    const keyword = now.branches?.keyword ?? old.branches!.keyword;
    push(keyword === 'oneOf' ? 'one-of-member-added' : 'any-of-member-added', member.conj.pointer, `may now also be a${member.types.size ? ` ${list([...member.types])}` : 'nother'} shape (${keyword} member ${describe(member.shape)} added): a client that handles only the old shapes breaks`, { new: parse(member.text) });
  }
  for (let o = 0; o < olds.length; o++) {
    if (oldMatched.has(o)) continue;
    const member = olds[o]!;
    if ([...member.types].every((t) => !admits(newUnion, t))) continue;
    const host = news.findIndex((n) => [...member.types].some((t) => admits(n.types, t)));
    if (typeSplit(member, oldMatchedTypes, newUnion) && host >= 0) {
      compare(member.conj, news[host]!.conj, path, context, depth + 1, true);
      continue;
    }
    const keyword = old.branches?.keyword ?? now.branches!.keyword;
    push(keyword === 'oneOf' ? 'one-of-member-removed' : 'any-of-member-removed', member.conj.pointer, `is no longer ${describe(member.shape)} (${keyword} member removed)`, { old: parse(member.text) });
  }
  for (const [o, [n]] of oldMatched) compare(olds[o]!.conj, news[n!]!.conj, path, context, depth + 1, true);
}

/** Higher is more alike; -Infinity: these cannot be the same member (other types, another tag value). */
function similarity(a: Member, b: Member): number {
  if (a.text === b.text) return 1e6;
  for (const [name, value] of a.tags) {
    const other = b.tags.get(name);
    if (other !== undefined) return other === value ? 1e5 : -Infinity;
  }
  const sharesType = [...a.types].some((t) => admits(b.types, t)) || [...b.types].some((t) => admits(a.types, t));
  if (!sharesType) return -Infinity;
  let score = 1;
  if (a.types.size === b.types.size && [...a.types].every((t) => b.types.has(t))) score += 2;
  for (const name of a.shape.properties.keys()) score += b.shape.properties.has(name) ? 3 : -1;
  for (const name of b.shape.properties.keys()) if (!a.shape.properties.has(name)) score -= 1;
  return score;
}

/** Properties whose value is one constant (a discriminator in all but name): `kind: "sms"`. */
function tagsOf(shape: Shape, side: Context['old']): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [name, locs] of shape.properties) {
    const s = shapeOf(conj(locs), side);
    if (s.values?.size === 1) tags.set(name, [...s.values][0]!);
  }
  return tags;
}

function describe(shape: Shape): string {
  const names = [...shape.properties.keys()];
  if (names.length > 0) return `{${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}}`;
  if (shape.values) return [...shape.values].slice(0, 3).join(' | ');
  return shape.types ? list([...shape.types]) : 'any value';
}

// ── shapes ────────────────────────────────────────────────────────────────────────────────────

function emptyShape(): Shape {
  return {
    never: false,
    hasConst: false,
    counts: {},
    multipleOf: [],
    uniqueItems: false,
    patterns: new Set(),
    formats: new Set(),
    properties: new Map(),
    required: new Set(),
    additionalProperties: [],
    patternProperties: new Map(),
    propertyNames: [],
    items: [],
    prefixItems: [],
    contains: [],
    dependentRequired: new Map(),
    dependentSchemas: new Map(),
    conditionals: new Map(),
    unevaluatedItems: [],
    unevaluatedProperties: [],
    contentSchema: [],
    deprecated: false,
    readOnly: false,
    writeOnly: false,
  };
}

/** The conjunction's schema objects: `$ref`s followed (siblings kept), `allOf` parts inlined. */
function flatten(at: Conj, side: Context['old']): { parts: Array<{ schema: JsonSchemaObject; pointer: string }>; never: boolean } {
  const parts: Array<{ schema: JsonSchemaObject; pointer: string }> = [];
  let never = false;
  const queue = [...at.locs];
  const visited = new Set<object>();
  while (queue.length > 0) {
    const loc = queue.shift()!;
    const schema = loc.schema;
    if (schema === true || schema === undefined) continue;
    if (schema === false) {
      never = true;
      continue;
    }
    if (typeof schema !== 'object' || schema === null || visited.has(schema)) continue;
    visited.add(schema);
    parts.push({ schema, pointer: loc.pointer });
    if (typeof schema.$ref === 'string') {
      const tokens = fragmentTokens(schema.$ref);
      const target = tokens ? (resolveTokens(side.root, tokens) as JsonSchema | undefined) : undefined;
      if (target !== undefined && (typeof target === 'object' || typeof target === 'boolean')) queue.push({ schema: target, pointer: appendPointer(side.base, ...tokens!) });
    }
    if (Array.isArray(schema.allOf)) (schema.allOf as JsonSchema[]).forEach((part, i) => queue.push({ schema: part, pointer: appendPointer(loc.pointer, 'allOf', i) }));
  }
  return { parts, never };
}

const shapeCache = new WeakMap<Conj, Shape>();

function shapeOf(at: Conj, side: Context['old']): Shape {
  const cached = shapeCache.get(at);
  if (cached) return cached;
  const shape = emptyShape();
  const { parts, never } = flatten(at, side);
  shape.never = never;
  const typeSets: Set<JsonType>[] = [];
  const narrowTypes = (types: Set<JsonType>) => typeSets.push(types);
  for (const { schema, pointer } of parts) {
    const own = ownTypes(schema);
    if (own) narrowTypes(own);
    const values = closedValues(schema);
    if (values) {
      shape.hasConst ||= 'const' in schema;
      shape.values = shape.values ? new Set([...shape.values].filter((v) => values.has(v))) : values;
      narrowTypes(new Set([...values].map((v) => jsonTypeOf(parse(v)))));
    }
    upperLower(shape, schema);
    for (const keyword of COUNT_KEYWORDS) {
      const value = schema[keyword];
      if (typeof value !== 'number') continue;
      const current = shape.counts[keyword];
      const upper = COUNT_RELAXED[keyword].upper;
      shape.counts[keyword] = current === undefined ? value : upper ? Math.min(current, value) : Math.max(current, value);
    }
    if (typeof schema.multipleOf === 'number') shape.multipleOf.push(schema.multipleOf);
    if (schema.uniqueItems === true) shape.uniqueItems = true;
    if (typeof schema.pattern === 'string') shape.patterns.add(schema.pattern);
    if (typeof schema.format === 'string') shape.formats.add(schema.format);
    if (isObject(schema.properties)) for (const [name, sub] of Object.entries(schema.properties)) add(shape.properties, name, { schema: sub as JsonSchema, pointer: appendPointer(pointer, 'properties', name) });
    if (Array.isArray(schema.required)) for (const name of schema.required) if (typeof name === 'string') shape.required.add(name);
    if (schema.additionalProperties !== undefined) shape.additionalProperties.push({ schema: schema.additionalProperties as JsonSchema, pointer: appendPointer(pointer, 'additionalProperties') });
    if (isObject(schema.patternProperties)) for (const [regex, sub] of Object.entries(schema.patternProperties)) add(shape.patternProperties, regex, { schema: sub as JsonSchema, pointer: appendPointer(pointer, 'patternProperties', regex) });
    if (schema.propertyNames !== undefined) shape.propertyNames.push({ schema: schema.propertyNames as JsonSchema, pointer: appendPointer(pointer, 'propertyNames') });
    if (schema.items !== undefined) shape.items.push({ schema: schema.items as JsonSchema, pointer: appendPointer(pointer, 'items') });
    if (Array.isArray(schema.prefixItems)) {
      (schema.prefixItems as JsonSchema[]).forEach((sub, i) => (shape.prefixItems[i] ??= []).push({ schema: sub, pointer: appendPointer(pointer, 'prefixItems', i) }));
    }
    if (schema.contains !== undefined) shape.contains.push({ schema: schema.contains as JsonSchema, pointer: appendPointer(pointer, 'contains') });
    if (isObject(schema.dependentRequired)) {
      for (const [name, names] of Object.entries(schema.dependentRequired)) {
        if (!Array.isArray(names)) continue;
        const set = shape.dependentRequired.get(name) ?? new Set<string>();
        for (const n of names) if (typeof n === 'string') set.add(n);
        shape.dependentRequired.set(name, set);
      }
    }
    if (isObject(schema.dependentSchemas)) for (const [name, sub] of Object.entries(schema.dependentSchemas)) add(shape.dependentSchemas, name, { schema: sub as JsonSchema, pointer: appendPointer(pointer, 'dependentSchemas', name) });
    if (schema.if !== undefined && (schema.then !== undefined || schema.else !== undefined)) {
      shape.conditionals.set(canonicalJson(schema.if), {
        if: { schema: schema.if as JsonSchema, pointer: appendPointer(pointer, 'if') },
        then: schema.then === undefined ? [] : [{ schema: schema.then as JsonSchema, pointer: appendPointer(pointer, 'then') }],
        else: schema.else === undefined ? [] : [{ schema: schema.else as JsonSchema, pointer: appendPointer(pointer, 'else') }],
      });
    }
    if (schema.unevaluatedItems !== undefined) shape.unevaluatedItems.push({ schema: schema.unevaluatedItems as JsonSchema, pointer: appendPointer(pointer, 'unevaluatedItems') });
    if (schema.unevaluatedProperties !== undefined) shape.unevaluatedProperties.push({ schema: schema.unevaluatedProperties as JsonSchema, pointer: appendPointer(pointer, 'unevaluatedProperties') });
    if (typeof schema.contentMediaType === 'string') shape.contentMediaType ??= schema.contentMediaType;
    if (typeof schema.contentEncoding === 'string') shape.contentEncoding ??= schema.contentEncoding;
    if (schema.contentSchema !== undefined) shape.contentSchema.push({ schema: schema.contentSchema as JsonSchema, pointer: appendPointer(pointer, 'contentSchema') });
    if ('default' in schema && shape.default === undefined) shape.default = canonicalJson(schema.default);
    if (schema.deprecated === true) shape.deprecated = true;
    if (schema.readOnly === true) shape.readOnly = true;
    if (schema.writeOnly === true) shape.writeOnly = true;
    if (!shape.branches && !at.skip.has(schema)) {
      for (const keyword of ['oneOf', 'anyOf'] as const) {
        const members = schema[keyword];
        if (!Array.isArray(members) || shape.branches) continue;
        shape.branches = { keyword, owner: schema, members: (members as JsonSchema[]).map((m, i) => ({ schema: m, pointer: appendPointer(pointer, keyword, i) })) };
      }
    }
  }
  if (typeSets.length > 0) shape.types = typeSets.reduce((a, b) => intersect(a, b));
  shapeCache.set(at, shape);
  return shape;
}

function upperLower(shape: Shape, schema: JsonSchemaObject): void {
  const tighterUpper = (b: Bound) => {
    const a = shape.upper;
    if (!a || b.value < a.value || (b.value === a.value && b.exclusive)) shape.upper = b;
  };
  const tighterLower = (b: Bound) => {
    const a = shape.lower;
    if (!a || b.value > a.value || (b.value === a.value && b.exclusive)) shape.lower = b;
  };
  if (typeof schema.maximum === 'number') tighterUpper({ value: schema.maximum, exclusive: false });
  if (typeof schema.exclusiveMaximum === 'number') tighterUpper({ value: schema.exclusiveMaximum, exclusive: true });
  if (typeof schema.minimum === 'number') tighterLower({ value: schema.minimum, exclusive: false });
  if (typeof schema.exclusiveMinimum === 'number') tighterLower({ value: schema.exclusiveMinimum, exclusive: true });
}

function isNever(at: Conj, side: Context['old']): boolean {
  const shape = shapeOf(at, side);
  return shape.never || (shape.types !== undefined && shape.types.size === 0);
}

function add<K>(map: Map<K, Loc[]>, key: K, loc: Loc): void {
  const list = map.get(key);
  if (list) list.push(loc);
  else map.set(key, [loc]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function ownTypes(schema: JsonSchemaObject): Set<JsonType> | undefined {
  const type = schema.type;
  if (typeof type === 'string') return new Set([type as JsonType]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is JsonType => typeof t === 'string'));
  return undefined;
}

function closedValues(schema: JsonSchemaObject): Set<string> | undefined {
  if ('const' in schema) return new Set([canonicalJson(schema.const)]);
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map((v) => canonicalJson(v)));
  return undefined;
}

function parse(text: string): unknown {
  return JSON.parse(text) as unknown;
}

function parsedValues(values: Set<string>): unknown[] {
  return [...values].slice(0, 20).map(parse);
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** Whether a value of type `t` is allowed by `types` (`number` includes `integer`). */
function admits(types: Set<JsonType>, t: JsonType): boolean {
  return types.has(t) || (t === 'integer' && types.has('number'));
}

function intersect(a: Set<JsonType>, b: Set<JsonType>): Set<JsonType> {
  const out = new Set<JsonType>();
  for (const t of a) if (admits(b, t)) out.add(t);
  for (const t of b) if (t === 'integer' && a.has('number')) out.add('integer');
  return out;
}

function list(types: readonly string[]): string {
  return types.length === 0 ? 'nothing' : types.join(' or ');
}
