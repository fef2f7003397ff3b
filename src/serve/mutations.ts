import { isPlainObject } from '../util/json.ts';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { resolveTokens, unescapePointerToken } from '../schemas/pointer.ts';
import { configError } from '../util/errors.ts';
import { createAjv } from '../validators/ajv.ts';
import type { RouteTable } from './routes.ts';

/**
 * Drift injection for testing the checkers: a mutate file declares, per endpoint, one way the
 * mock provider departs from the catalogue. Every kind is a drift a real provider shows:
 * a field disappears, changes type or is added, another status comes back, the body is not JSON
 * (an HTML error page from a gateway), or the answer is slow.
 */
export type MutationKind = 'drop-field' | 'change-type' | 'status' | 'extra-field' | 'non-json' | 'delay';

export interface Mutation {
  kind: MutationKind;
  /** JSON pointer into the body: the field to drop or retype, the object to add to (default root). */
  pointer?: string;
  /** `status`: the status answered instead. */
  status?: number;
  /** `delay`: milliseconds before the answer. */
  delayMs?: number;
  /** `extra-field`: the name of the added field (default `apiconformDrift`). */
  field?: string;
  /** `extra-field`: its value (default `"unexpected"`). */
  value?: unknown;
}

/** Mutations by route path (`/<api>/<endpoint>`). */
export type Mutations = ReadonlyMap<string, Mutation>;

export const MUTATION_KINDS: readonly MutationKind[] = ['drop-field', 'change-type', 'status', 'extra-field', 'non-json', 'delay'];

const MUTATE_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['kind'],
    additionalProperties: false,
    properties: {
      kind: { enum: MUTATION_KINDS },
      pointer: { type: 'string' },
      status: { type: 'integer', minimum: 100, maximum: 599 },
      delayMs: { type: 'integer', minimum: 0, maximum: 600000 },
      field: { type: 'string', minLength: 1 },
      value: true,
    },
  },
};

export async function loadMutations(file: string, routes: RouteTable): Promise<Mutations> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw configError(`cannot read mutate file: ${(error as Error).message}`, { file });
  }
  let value: unknown;
  try {
    value = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw configError(`mutate file is not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`, { file });
  }
  return parseMutations(value ?? {}, routes, file);
}

/**
 * Checks a mutate document against the routes: every key names an endpoint (`api/endpoint` by
 * slug or uuid), every mutation has what its kind needs, and every pointer exists in at least one
 * of the endpoint's examples, so a typo fails loudly instead of injecting nothing.
 */
export function parseMutations(value: unknown, routes: RouteTable, file?: string): Mutations {
  const context = file ? { file } : {};
  const ajv = createAjv();
  const validate = ajv.compile(MUTATE_FILE_SCHEMA);
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => {
      const where = e.instancePath || '(top level)';
      if (e.keyword === 'additionalProperties') return `${where}: unknown option "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      if (e.keyword === 'enum') return `${where}: must be one of ${MUTATION_KINDS.join(', ')}`;
      return `${where}: ${e.message}`;
    });
    throw configError(`invalid mutate file:\n  ${[...new Set(problems)].join('\n  ')}`, context);
  }
  const byId = new Map<string, string>();
  for (const route of routes.values()) byId.set(`${route.api.id}/${route.endpoint.id}`.toLowerCase(), route.path);

  const mutations = new Map<string, Mutation>();
  for (const [key, raw] of Object.entries(value as Record<string, Mutation>)) {
    // Checked here, not with a schema `pattern`: plain code reads better for two string rules.
    if (!/^[^/]+\/[^/]+$/.test(key)) throw configError(`mutate file: key "${key}" is not "<api>/<endpoint>"`, context);
    if (raw.pointer !== undefined && raw.pointer !== '' && !raw.pointer.startsWith('/')) {
      throw configError(`mutate file: "${key}": pointer "${raw.pointer}" is not a JSON pointer (it starts with "/", or is "" for the whole body)`, context);
    }
    const path = routes.has(`/${key}`) ? `/${key}` : byId.get(key.toLowerCase());
    if (!path) throw configError(`mutate file: no endpoint "${key}" in the catalogue (use "<api slug>/<endpoint slug>" as listed by GET /__apiconform/endpoints)`, context);
    const route = routes.get(path)!;
    const mutation: Mutation = { ...raw };
    const need = (option: keyof Mutation) => {
      if (mutation[option] === undefined) throw configError(`mutate file: "${key}" (${mutation.kind}) needs "${option}"`, context);
    };
    const bodies = route.endpoint.responses.flatMap((r) => r.examples.map((e) => e.body));
    switch (mutation.kind) {
      case 'drop-field':
      case 'change-type':
        need('pointer');
        if (mutation.kind === 'drop-field' && mutation.pointer === '') throw configError(`mutate file: "${key}" cannot drop the whole body (pointer "")`, context);
        if (!bodies.some((body) => resolvePointer(body, mutation.pointer!) !== undefined)) {
          throw configError(`mutate file: "${key}": pointer ${mutation.pointer} is in none of the endpoint's examples`, context);
        }
        break;
      case 'extra-field':
        if (!bodies.some((body) => isPlainObject(resolvePointer(body, mutation.pointer ?? '')))) {
          throw configError(`mutate file: "${key}": pointer "${mutation.pointer ?? ''}" is not an object in any of the endpoint's examples`, context);
        }
        break;
      case 'status':
        need('status');
        break;
      case 'delay':
        need('delayMs');
        break;
      case 'non-json':
        break;
    }
    mutations.set(path, mutation);
  }
  return mutations;
}

/** What the mock sends once a mutation has been applied to the chosen example. */
export interface MutatedAnswer {
  status: number;
  contentType: string;
  text: string;
  delayMs: number;
}

export const NON_JSON_BODY = '<!doctype html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>\n';

export function applyMutation(mutation: Mutation | undefined, status: number, body: unknown, contentType: string): MutatedAnswer {
  const answer: MutatedAnswer = { status, contentType, text: JSON.stringify(body), delayMs: 0 };
  if (!mutation) return answer;
  switch (mutation.kind) {
    case 'status':
      return { ...answer, status: mutation.status! };
    case 'delay':
      return { ...answer, delayMs: mutation.delayMs! };
    case 'non-json':
      return { ...answer, contentType: 'text/html; charset=utf-8', text: NON_JSON_BODY };
    case 'drop-field':
      return { ...answer, text: JSON.stringify(editAt(body, mutation.pointer!, () => DROP)) };
    case 'change-type':
      return { ...answer, text: JSON.stringify(editAt(body, mutation.pointer!, changeType)) };
    case 'extra-field': {
      const field = mutation.field ?? 'apiconformDrift';
      const value = mutation.value ?? 'unexpected';
      return { ...answer, text: JSON.stringify(editAt(body, mutation.pointer ?? '', (target) => (isPlainObject(target) ? { ...target, [field]: value } : target))) };
    }
  }
}

/** A value of another JSON type than `value`, deterministically. */
export function changeType(value: unknown): unknown {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 0;
  return JSON.stringify(value);
}

const DROP = Symbol('drop');

/** A copy of `body` with the value at `pointer` replaced by `edit(value)` (or removed); a missing pointer changes nothing. */
function editAt(body: unknown, pointer: string, edit: (value: unknown) => unknown): unknown {
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerToken);
  const walk = (node: unknown, depth: number): unknown => {
    if (depth === tokens.length) return edit(node);
    const token = tokens[depth]!;
    if (Array.isArray(node)) {
      const index = Number(token);
      if (!/^(0|[1-9]\d*)$/.test(token) || index >= node.length) return node;
      const next = walk(node[index], depth + 1);
      return next === DROP ? node.filter((_, i) => i !== index) : node.map((item, i) => (i === index ? next : item));
    }
    if (isPlainObject(node) && Object.hasOwn(node, token)) {
      const next = walk(node[token], depth + 1);
      const copy = { ...node };
      if (next === DROP) delete copy[token];
      else copy[token] = next;
      return copy;
    }
    return node;
  };
  const result = walk(body, 0);
  return result === DROP ? null : result;
}

function resolvePointer(body: unknown, pointer: string): unknown {
  return resolveTokens(body, pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerToken));
}
