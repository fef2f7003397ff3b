import { MatchersV3 } from '@pact-foundation/pact';
import type { MatcherNode } from './matcher-tree.ts';

/** Pact's date format for JSON Schema `format: date` (RFC 3339 full-date). */
export const DATE_FORMAT = 'yyyy-MM-dd';

/** The tree as Pact consumer-DSL matchers, ready for `jsonBody`. */
export function toPact(node: MatcherNode): unknown {
  switch (node.kind) {
    case 'type':
      return MatchersV3.like(node.example);
    case 'integer':
      return MatchersV3.integer(node.example);
    case 'number':
      return MatchersV3.number(node.example);
    case 'boolean':
      return MatchersV3.boolean(node.example);
    case 'null':
      return MatchersV3.nullValue();
    case 'regex':
      return MatchersV3.regex(node.regex, node.example);
    case 'date':
      return MatchersV3.date(DATE_FORMAT, node.example);
    case 'equal':
      return MatchersV3.equal(node.example);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node.properties).sort()) out[key] = toPact(node.properties[key]!);
      return out;
    }
    case 'array': {
      const template = toPact(node.template);
      // One copy of the template is enough to show the shape; `min` copies if the schema asks for more.
      const count = Math.max(1, node.min);
      return node.max === undefined
        ? MatchersV3.atLeastLike(template, node.min, count)
        : MatchersV3.constrainedArrayLike(template, node.min, node.max, count);
    }
    case 'any-array':
      return MatchersV3.like([]);
  }
}
