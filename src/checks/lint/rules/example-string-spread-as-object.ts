import { exampleStringSpreadAsObject } from '../../../rules/example-string-spread-as-object.ts';
import type { JsonSchemaObject } from '../../../schemas/types.ts';
import { at, exampleLabel, excerpt } from '../../conformance/text.ts';
import { walkWithSchema } from '../helpers/instance-walk.ts';
import { isPlainObject } from '../helpers/text.ts';
import type { LintRule } from '../types.ts';

/** Every spread string has a `"0"` key holding a string; bodies without one are skipped unparsed. */
const MAYBE_SPREAD = /"0"\s*:\s*"/;

/** Without the schema saying "string", this many characters make the shape unmistakable. */
const MIN_UNDECLARED = 3;

/**
 * The string an object spells when it is a string spread into its characters: keys exactly
 * "0", "1", … "n-1" and each value one character (one code point, so an emoji spread by a
 * code-point-aware language counts too).
 */
export function spreadString(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0) return undefined;
  let text = '';
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== String(i)) return undefined;
    const char = value[keys[i]!];
    if (typeof char !== 'string' || [...char].length !== 1) return undefined;
    text += char;
  }
  return text;
}

function declaresString(schema: JsonSchemaObject): boolean {
  return schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
}

export const exampleStringSpreadAsObjectRule: LintRule = {
  ...exampleStringSpreadAsObject,
  *check(context) {
    for (const site of context.sites) {
      if (!MAYBE_SPREAD.test(site.example.bodyText)) continue; // cheap: no `"0": "…"` anywhere
      const drafts: ReturnType<typeof context.draft>[] = [];
      walkWithSchema(context.statusSchema(site).schema, site.example.body, (pointer, value, schemas) => {
        const text = spreadString(value);
        if (text === undefined) return;
        const declared = [...schemas.must, ...schemas.may].some(declaresString);
        if (!declared && text.length < MIN_UNDECLARED) return;
        drafts.push(
          context.draft(site, {
            pointer,
            message:
              `${exampleLabel(site)}: ${at(pointer)} is the string ${JSON.stringify(text)} spread into an object of its characters ` +
              `(${excerpt(value, 40)})${declared ? ', where the schema declares a string' : ''}; write it as ${excerpt(text, 80)}`,
            evidence: { found: excerpt(value, 120), spells: text, schemaDeclaresString: declared },
          }),
        );
        return false; // its characters are not separate findings
      });
      yield* drafts;
    }
  },
};
