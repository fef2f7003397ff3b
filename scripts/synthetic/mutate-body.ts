/**
 * New response bodies from the seed's: structural changes (rename, add, remove, nest, wrap in an
 * envelope) give a body of a new shape, and growth (more properties, longer arrays) brings it to
 * the size the catalogue's size distribution asks for.
 */
import type { Random } from './random.ts';
import { pythonJson } from './python-json.ts';
import { valueForKey, varyValue } from './values.ts';
import { KEY_WORDS } from './vocabulary.ts';

type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A body of a new shape derived from `seed`: two to five structural changes, at least one of
 * them a new key (from a vocabulary of tens of thousands of compound keys, so two derived bodies
 * practically never share a shape by accident). Arrays of objects are made uniform afterwards,
 * as list responses are.
 */
export function deriveBody(seed: unknown, random: Random): unknown {
  let body: unknown = structuredClone(seed);
  if (!isObject(body) && !(Array.isArray(body) && body.some(isObject))) body = { data: body };
  const target = Array.isArray(body) ? (body.find(isObject) as JsonObject) : (body as JsonObject);
  const objects = collect(target).objects;
  addProperty(random.pick(objects), random);
  for (let i = random.int(1, 4); i > 0; i--) {
    const object = random.pick(objects);
    const op = random.weighted<'rename' | 'add' | 'remove' | 'nest'>([['rename', 30], ['add', 35], ['remove', 20], ['nest', 15]]);
    if (op === 'rename') renameProperty(object, random);
    else if (op === 'add') addProperty(object, random);
    else if (op === 'remove') removeProperty(object, random);
    else nestProperties(object, random);
  }
  if (!Array.isArray(body) && random.chance(0.08)) body = envelope(body as JsonObject, random);
  return uniformArrays(varyValue(body, random), random);
}

/**
 * Grows `body` (in place) until its JSON text is about `targetChars` long: longer lists where the
 * body has lists of objects, otherwise more properties, some of them nested objects or lists.
 * Sizes are tracked incrementally so growing a 40k body stays linear.
 */
export function growBody(body: unknown, targetChars: number, random: Random): unknown {
  let size = pythonJson(body).length;
  if (size >= targetChars) return body;
  const { objects, lists } = collect(body);
  if (objects.length === 0) return body;
  // Cloning a list item can hold a list grown earlier; it must not overshoot the target far.
  const growList = (): boolean => {
    const list = random.pick(lists);
    const item = varyValue(list[0], random);
    const itemSize = pythonJson(item).length + 2;
    if (size + itemSize > targetChars * 1.05) return false;
    list.push(item);
    size += itemSize;
    return true;
  };
  while (size < targetChars) {
    if (lists.length > 0 && random.chance(0.45) && growList()) continue;
    const object = random.pick(objects);
    const key = newKey(object, random);
    const value = freshValue(key, random);
    object[key] = value;
    size += key.length + pythonJson(value).length + 6;
    const added = collect(value);
    objects.push(...added.objects);
    lists.push(...added.lists);
  }
  return body;
}

/** Every object (arrays' items included) and every non-empty list of objects in `value`. */
function collect(value: unknown): { objects: JsonObject[]; lists: unknown[][] } {
  const objects: JsonObject[] = [];
  const lists: unknown[][] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      if (item.length > 0 && isObject(item[0])) lists.push(item);
      stack.push(...item);
    } else if (isObject(item)) {
      objects.push(item);
      stack.push(...Object.values(item));
    }
  }
  return { objects, lists };
}

type KeyStyle = 'snake' | 'camel' | 'pascal' | 'lower';

function keyStyle(object: JsonObject): KeyStyle {
  const keys = Object.keys(object);
  if (keys.some((k) => k.includes('_'))) return 'snake';
  if (keys.some((k) => /^[a-z]+[A-Z]/.test(k))) return 'camel';
  if (keys.some((k) => /^[A-Z][a-z]/.test(k))) return 'pascal';
  return keys.length > 0 ? 'lower' : 'snake';
}

/** A key in the object's own style that it does not have yet (`delivery_count`, `deliveryCount`). */
export function newKey(object: JsonObject, random: Random): string {
  const style = keyStyle(object);
  for (;;) {
    const words = Array.from({ length: random.weighted([[1, 15], [2, 70], [3, 15]]) }, () => random.pick(KEY_WORDS) as string);
    const key =
      style === 'snake'
        ? words.join('_')
        : style === 'lower'
          ? words.join('')
          : words.map((w, i) => (i === 0 && style === 'camel' ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
    if (!(key in object)) return key;
  }
}

function freshValue(key: string, random: Random): unknown {
  const kind = random.weighted<'leaf' | 'object' | 'scalars' | 'objects'>([['leaf', 75], ['object', 12], ['scalars', 5], ['objects', 8]]);
  if (kind === 'leaf') return valueForKey(key, random);
  if (kind === 'scalars') {
    const itemKey = random.pick(KEY_WORDS);
    return Array.from({ length: random.int(0, 6) }, () => valueForKey(itemKey, random));
  }
  const object: JsonObject = {};
  for (let i = random.int(2, 6); i > 0; i--) {
    const child = newKey(object, random);
    object[child] = valueForKey(child, random);
  }
  if (kind === 'object') return object;
  return Array.from({ length: random.int(1, 3) }, () => varyValue(object, random));
}

function addProperty(object: JsonObject, random: Random): void {
  const key = newKey(object, random);
  object[key] = freshValue(key, random);
}

function renameProperty(object: JsonObject, random: Random): void {
  const keys = Object.keys(object);
  if (keys.length === 0) return addProperty(object, random);
  const old = random.pick(keys);
  const key = newKey(object, random);
  // Rebuild so the renamed key keeps its place: key order is part of what a reader sees.
  const entries = Object.entries(object).map(([k, v]) => [k === old ? key : k, v] as const);
  for (const k of keys) delete object[k];
  for (const [k, v] of entries) object[k] = v;
}

function removeProperty(object: JsonObject, random: Random): void {
  const keys = Object.keys(object);
  if (keys.length > 1) delete object[random.pick(keys)];
}

function nestProperties(object: JsonObject, random: Random): void {
  const keys = Object.keys(object);
  if (keys.length < 2) return addProperty(object, random);
  const moved = random.shuffle(keys).slice(0, random.int(1, Math.min(3, keys.length - 1)));
  const inner: JsonObject = {};
  for (const k of moved) {
    inner[k] = object[k];
    delete object[k];
  }
  object[newKey(object, random)] = inner;
}

function envelope(body: JsonObject, random: Random): JsonObject {
  return random.pick([
    () => ({ success: true, data: body }),
    () => ({ status: 'success', result: body }),
    () => ({ code: 200, message: 'OK', data: body }),
    () => ({ ok: true, response: body, request_id: random.uuid() }),
  ])();
}

/** Lists of objects become one item varied n times: list responses have one item shape. */
function uniformArrays(value: unknown, random: Random): unknown {
  if (Array.isArray(value)) {
    const first = value[0];
    if (isObject(first)) {
      const item = uniformArrays(first, random);
      return value.map((_, i) => (i === 0 ? item : varyValue(item, random)));
    }
    return value.map((item) => uniformArrays(item, random));
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = uniformArrays(item, random);
    return out;
  }
  return value;
}
