import { appendPointer } from '../schemas/pointer.ts';
import type { JsonSchema } from '../schemas/types.ts';
import { compileLinearRegExp, patternProblem } from '../validators/regexp.ts';
import { familyOf, typeAdmits, viewOf } from '../contracts/schema-view.ts';

/**
 * Pointers of fields in `body` that the schema does not describe: a key of an object whose schema
 * names its `properties` and has no `patternProperties` or `additionalProperties` schema covering
 * the key. Pact ignores such fields (a provider may add to its answers), so verification reports
 * them separately. Walks only where the body follows the schema's shape.
 */
export function unexpectedFields(schema: JsonSchema, body: unknown, limit = 20): string[] {
  const found: string[] = [];
  const walk = (schemas: JsonSchema[], value: unknown, pointer: string, depth: number) => {
    if (found.length >= limit || depth > 64) return;
    let view = viewOf(schemas, schema);
    const resolved = new Set<unknown>();
    const chosen: JsonSchema[] = [];
    while (view.alternatives.length > 0) {
      const group = view.alternatives[0]!;
      resolved.add(group);
      const branch = group.find((candidate) => {
        const v = viewOf([candidate], schema);
        return !v.never && (!v.types || typeAdmits(v.types, value));
      });
      if (!branch) return;
      chosen.push(branch);
      view = viewOf([...schemas, ...chosen], schema, resolved);
    }
    if (view.never) return;
    const family = familyOf(value);
    if (family === 'object') {
      const object = value as Record<string, unknown>;
      for (const key of Object.keys(object).sort()) {
        const child = appendPointer(pointer, key);
        const named = view.properties.get(key);
        const patterned = view.patternProperties.filter(([p]) => !patternProblem(p) && compileLinearRegExp(p).test(key)).map(([, s]) => s);
        const explicit = view.additionalProperties.filter((s) => typeof s === 'object');
        if (named || patterned.length > 0) walk([...(named ?? []), ...patterned], object[key], child, depth + 1);
        else if (explicit.length > 0) walk(explicit, object[key], child, depth + 1);
        else if (view.properties.size > 0 && !view.additionalProperties.includes(true)) found.push(child);
        if (found.length >= limit) return;
      }
    } else if (family === 'array' && view.items.length > 0) {
      (value as unknown[]).forEach((item, index) => walk(view.items, item, appendPointer(pointer, index), depth + 1));
    }
  };
  walk([schema], body, '', 0);
  return found;
}
