import { fragmentTokens, resolveTokens } from '../../../schemas/pointer.ts';
import type { JsonSchema, JsonSchemaObject } from '../../../schemas/types.ts';
import { linearRegExpEngine } from '../../../validators/regexp.ts';
import { isPlainObject } from './text.ts';

/** The schemas that speak about one place in a body. */
export interface ApplicableSchemas {
  /** Schemas the value must satisfy (reached through properties, items, allOf, $ref). */
  must: JsonSchemaObject[];
  /** Schemas it may satisfy (one alternative of anyOf/oneOf, a then/else branch, contains). */
  may: JsonSchemaObject[];
}

/** Return false to skip the value's children. */
export type LocationVisitor = (pointer: string, value: unknown, schemas: ApplicableSchemas) => boolean | void;

interface Entry {
  schema: JsonSchema;
  must: boolean;
}

/**
 * Walks a body together with its schema: for every value in the body (depth first, the root
 * first), which subschemas apply to it. Lint rules use it to ask "does the schema say this place
 * is a string / has a format?" without validating. `$ref`s are followed within the schema; a
 * `$ref` cycle is entered once per place.
 */
export function walkWithSchema(schema: JsonSchema, body: unknown, visit: LocationVisitor): void {
  walk(schema, body, '', [{ schema, must: true }], visit);
}

function walk(root: JsonSchema, value: unknown, pointer: string, entries: Entry[], visit: LocationVisitor): void {
  const expanded = expand(root, entries);
  const schemas: ApplicableSchemas = { must: [], may: [] };
  for (const { schema, must } of expanded) (must ? schemas.must : schemas.may).push(schema);
  if (visit(pointer, value, schemas) === false) return;

  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const children: Entry[] = [];
      for (const { schema, must } of expanded) {
        const prefix = schema.prefixItems as JsonSchema[] | undefined;
        if (prefix && index < prefix.length) children.push({ schema: prefix[index]!, must });
        else if (schema.items !== undefined) children.push({ schema: schema.items as JsonSchema, must });
        if (schema.contains !== undefined) children.push({ schema: schema.contains as JsonSchema, must: false });
      }
      walk(root, item, `${pointer}/${index}`, children, visit);
    });
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const children: Entry[] = [];
      for (const { schema, must } of expanded) {
        const properties = schema.properties as Record<string, JsonSchema> | undefined;
        let matched = false;
        if (properties && Object.prototype.hasOwnProperty.call(properties, key)) {
          children.push({ schema: properties[key]!, must });
          matched = true;
        }
        for (const [pattern, sub] of Object.entries((schema.patternProperties as Record<string, JsonSchema> | undefined) ?? {})) {
          if (linearRegExpEngine(pattern, 'u').test(key)) {
            children.push({ schema: sub, must });
            matched = true;
          }
        }
        if (!matched && schema.additionalProperties !== undefined) children.push({ schema: schema.additionalProperties as JsonSchema, must });
      }
      walk(root, item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, children, visit);
    }
  }
}

/** The entries plus everything they pull in at the same place: $ref, allOf, anyOf/oneOf, if/then/else. */
function expand(root: JsonSchema, entries: Entry[]): Array<{ schema: JsonSchemaObject; must: boolean }> {
  const out: Array<{ schema: JsonSchemaObject; must: boolean }> = [];
  const seen = new Map<JsonSchemaObject, boolean>();
  const stack = [...entries].reverse();
  while (stack.length > 0) {
    const { schema, must } = stack.pop()!;
    if (typeof schema === 'boolean') continue;
    const before = seen.get(schema);
    if (before === true || (before === false && !must)) continue;
    seen.set(schema, must);
    out.push({ schema, must });
    const pending: Entry[] = [];
    if (typeof schema.$ref === 'string') {
      const tokens = fragmentTokens(schema.$ref);
      const target = tokens ? resolveTokens(root, tokens) : undefined;
      if (typeof target === 'boolean' || isPlainObject(target)) pending.push({ schema: target as JsonSchema, must });
    }
    for (const sub of (schema.allOf as JsonSchema[] | undefined) ?? []) pending.push({ schema: sub, must });
    for (const sub of [...((schema.anyOf as JsonSchema[] | undefined) ?? []), ...((schema.oneOf as JsonSchema[] | undefined) ?? [])]) pending.push({ schema: sub, must: false });
    for (const key of ['then', 'else'] as const) if (schema[key] !== undefined) pending.push({ schema: schema[key] as JsonSchema, must: false });
    stack.push(...pending.reverse());
  }
  return out;
}
