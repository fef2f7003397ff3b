import { schemaOverfitted } from '../../../rules/schema-overfitted.ts';
import type { JsonSchemaObject } from '../../../schemas/types.ts';
import { plural, siteLabel } from '../../conformance/text.ts';
import { walkWithSchema } from '../helpers/instance-walk.ts';
import { subschemas } from '../helpers/schema-walk.ts';
import type { LintRule } from '../types.ts';

interface Sign {
  sign: 'null-type' | 'max-items-equals-example' | 'single-value-enum' | 'all-required';
  pointer: string;
}

/**
 * Strong signs only come from inference (no one writes `type: "null"` for a field they know, or a
 * `maxItems` that happens to equal the example's length); the weak ones are also written on
 * purpose (a one-value `enum` as a discriminator, every property required in a strict contract),
 * so they are reported only together, or alongside a strong sign.
 */
const MAY_OVERFIT = /"null"|maxItems|"enum"/;

const STRONG = new Set<Sign['sign']>(['null-type', 'max-items-equals-example']);

export const schemaOverfittedRule: LintRule = {
  ...schemaOverfitted,
  *check(context) {
    for (const site of context.responseSites()) {
      // every sign needs one of these words in a schema text; most schemas have none of them
      if (!site.response.examples.some((e) => MAY_OVERFIT.test(e.schemaText))) continue;
      const { schema } = context.statusSchema(site);
      const signs: Sign[] = [];
      const pointers = new Map<JsonSchemaObject, string>(); // subschemas with maxItems → pointer to it
      let objects = 0;
      let allRequired = 0;
      for (const [node, pointer] of subschemas(schema)) {
        if (typeof node.maxItems === 'number') pointers.set(node, `${pointer}/maxItems`);
        const properties = node.properties !== null && typeof node.properties === 'object' ? Object.entries(node.properties as Record<string, unknown>) : [];
        for (const [name, sub] of properties) {
          if (sub !== null && typeof sub === 'object' && (sub as JsonSchemaObject).type === 'null') signs.push({ sign: 'null-type', pointer: `${pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` });
        }
        if (properties.length > 0) {
          objects++;
          const required = new Set(Array.isArray(node.required) ? node.required : []);
          if (properties.every(([name]) => required.has(name))) allRequired++;
        }
        if (Array.isArray(node.enum) && node.enum.length === 1) signs.push({ sign: 'single-value-enum', pointer: `${pointer}/enum` });
      }
      const maxItemsAt = new Map<string, boolean>(); // `…/maxItems` → every example's array there is exactly that long
      for (const example of pointers.size > 0 ? site.response.examples : []) {
        walkWithSchema(schema, example.body, (_, value, applicable) => {
          if (!Array.isArray(value)) return;
          for (const node of applicable.must) {
            const at = pointers.get(node);
            if (at === undefined) continue;
            maxItemsAt.set(at, (maxItemsAt.get(at) ?? true) && value.length === node.maxItems);
          }
        });
      }
      for (const [pointer, equal] of maxItemsAt) if (equal) signs.push({ sign: 'max-items-equals-example', pointer });
      if (objects > 0 && allRequired === objects) signs.push({ sign: 'all-required', pointer: '' });

      const kinds = new Set(signs.map((s) => s.sign));
      const strong = [...kinds].some((k) => STRONG.has(k));
      if (!strong && kinds.size < 2) continue;
      yield context.draftResponse(site, {
        pointer: signs.find((s) => STRONG.has(s.sign))?.pointer ?? signs[0]!.pointer,
        message:
          `${siteLabel({ api: site.api, endpoint: site.endpoint, status: site.response.status })}: the body schema looks inferred ` +
          `from a single example — ${describeSigns(signs, objects)}; loosen it where the API varies (give the null fields their ` +
          'real type, drop maxItems/enum limits the API does not have, require only what is always sent)',
        evidence: { signs: signs.slice(0, 50), ...(signs.length > 50 ? { more: signs.length - 50 } : {}) },
      });
    }
  },
};

function describeSigns(signs: Sign[], objects: number): string {
  const of = (sign: Sign['sign']) => signs.filter((s) => s.sign === sign).map((s) => s.pointer);
  const some = (pointers: string[]) => (pointers.length > 3 ? `${pointers.slice(0, 3).join(', ')} and ${pointers.length - 3} more` : pointers.join(', '));
  const parts: string[] = [];
  const nulls = of('null-type');
  if (nulls.length) parts.push(`${plural(nulls.length, 'property', 'properties')} typed "null", so any real value fails (${some(nulls)})`);
  const maxItems = of('max-items-equals-example');
  if (maxItems.length) parts.push(`maxItems equal to the example's array length, so a longer list fails (${some(maxItems)})`);
  const enums = of('single-value-enum');
  if (enums.length) parts.push(`${plural(enums.length, 'one-value enum')} (${some(enums)})`);
  if (of('all-required').length) parts.push(objects === 1 ? 'every property required' : `every property of all ${objects} objects required`);
  return parts.join('; ');
}
