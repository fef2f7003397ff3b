/**
 * Examples that do not match their own schema, as 18 of the seed's 100 do. Each break is made at
 * a top-level property whose schema is a single plain type, where the break is certain to be a
 * violation whatever produced the schema — so the generator can count them exactly.
 */
import type { Random } from './random.ts';
import type { JsonSchema } from './infer-schema.ts';
import { isObject } from './mutate-body.ts';
import { varyValue } from './values.ts';

export type Break = 'char-indexed-string' | 'type-changed' | 'missing-required' | 'empty-date-time' | 'too-many-items';

/** A copy of `body` that violates `schema`, and how; undefined when nothing here can be broken surely. */
export function breakExample(body: unknown, schema: JsonSchema, random: Random): { body: unknown; broke: Break } | undefined {
  if (!isObject(body) || schema.type !== 'object' || !isObject(schema.properties)) return undefined;
  const properties = schema.properties as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const options: Array<() => { body: unknown; broke: Break }> = [];
  for (const [key, value] of Object.entries(body)) {
    const property = properties[key];
    if (!property || typeof property.type !== 'string' || property.anyOf || property.allOf) continue;
    const copy = () => ({ ...body });
    if (typeof value === 'string' && property.type === 'string' && value.length > 0) {
      // The seed's own oddity: a string serialised as {"0": "S", "1": "O", …}.
      options.push(() => ({ body: { ...copy(), [key]: Object.fromEntries([...value.slice(0, 40)].map((c, i) => [String(i), c])) }, broke: 'char-indexed-string' }));
    }
    if (typeof value === 'string' && property.format === 'date-time') {
      options.push(() => ({ body: { ...copy(), [key]: '' }, broke: 'empty-date-time' }));
    }
    if (typeof value === 'number' && (property.type === 'integer' || property.type === 'number')) {
      options.push(() => ({ body: { ...copy(), [key]: String(value) }, broke: 'type-changed' }));
    }
    if (typeof value === 'boolean' && property.type === 'boolean') {
      options.push(() => ({ body: { ...copy(), [key]: value ? 'true' : 'false' }, broke: 'type-changed' }));
    }
    if (Array.isArray(value) && value.length > 0 && typeof property.maxItems === 'number') {
      const max = property.maxItems;
      options.push(() => ({
        body: { ...copy(), [key]: [...value, ...Array.from({ length: max + 1 - value.length + 1 }, () => varyValue(value[0], random))] },
        broke: 'too-many-items',
      }));
    }
    if (required.has(key) && Object.keys(body).length > 1) {
      options.push(() => {
        const rest = copy();
        delete rest[key];
        return { body: rest, broke: 'missing-required' };
      });
    }
  }
  return options.length > 0 ? random.pick(options)() : undefined;
}
