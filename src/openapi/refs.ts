import { escapePointerToken, fragmentTokens, resolveTokens } from '../schemas/pointer.ts';
import { isPlainObject, setOwn } from '../util/json.ts';

/**
 * Local `$ref`s of a (bundled) OpenAPI document. Objects that are not schemas (responses,
 * examples, parameters, path items) are followed here; a schema keeps its `$ref`s, rewritten to
 * point into a `$defs` of its own, so that it stands alone as a catalogue schema (recursion
 * included) and the normaliser can read it like any other.
 */
export class LocalRefs {
  constructor(private readonly document: Record<string, unknown>) {}

  /** The object a `$ref` chain ends at (up to 32 hops), or the value itself. */
  follow(value: unknown): unknown {
    let current = value;
    for (let hop = 0; hop < 32 && isPlainObject(current) && typeof current.$ref === 'string'; hop++) {
      const target = this.target(current.$ref);
      if (target === undefined) return undefined;
      current = target;
    }
    return current;
  }

  private target(ref: string): unknown {
    if (!ref.startsWith('#')) return undefined; // bundling inlined the files; anything else is remote
    const tokens = fragmentTokens(ref);
    return tokens ? resolveTokens(this.document, tokens) : undefined;
  }

  /**
   * A copy of `schema` whose local `$ref`s point into its own `$defs` (`#/components/schemas/Pet`
   * → `#/$defs/Pet`), with every schema it reaches, transitively, copied there. Remote `$ref`s are
   * kept as they are (the normaliser drops and reports them; nothing is fetched).
   */
  standalone(schema: unknown): unknown {
    const defs = new Map<string, unknown>();
    const pending: [string, string][] = [];
    const nameOf = new Map<string, string>();
    const used = new Set<string>();
    const defName = (ref: string): string => {
      let name = nameOf.get(ref);
      if (name) return name;
      const tokens = fragmentTokens(ref) ?? [];
      const base = tokens.length === 3 && tokens[0] === 'components' && tokens[1] === 'schemas' ? tokens[2]! : tokens.join('_') || 'root';
      name = base;
      for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
      used.add(name);
      nameOf.set(ref, name);
      pending.push([ref, name]);
      return name;
    };
    // A schema that is only a `$ref` (`schema: {$ref: '#/components/schemas/Pet'}`, the usual
    // case) becomes that schema itself, refs into it relative to the new root: so a body schema
    // exported by `apiconform openapi` reads back exactly as it was written.
    const rootRef = isPlainObject(schema) && Object.keys(schema).length === 1 && typeof schema.$ref === 'string' && schema.$ref.startsWith('#') && this.target(schema.$ref) !== undefined ? schema.$ref : undefined;
    const copy = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(copy);
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith('#') && this.target(child) !== undefined) {
          if (rootRef !== undefined && (child === rootRef || child.startsWith(`${rootRef}/`))) out.$ref = `#${child.slice(rootRef.length)}`;
          else out.$ref = `#/$defs/${escapePointerToken(defName(child))}`;
        } else setOwn(out, key, copy(child));
      }
      return out;
    };
    const root = copy(rootRef !== undefined ? this.target(rootRef) : schema);
    while (pending.length > 0) {
      const [ref, name] = pending.shift()!;
      defs.set(name, copy(this.target(ref)));
    }
    if (defs.size === 0) return root;
    if (!isPlainObject(root)) return { allOf: [root], $defs: Object.fromEntries(defs) };
    const own = isPlainObject(root.$defs) ? root.$defs : {};
    return { ...root, $defs: { ...own, ...Object.fromEntries(defs) } };
  }
}

/** Whether any `$ref` in the document points outside it (a relative file or a URL). */
export function hasExternalRefs(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) stack.push(...current);
    else if (isPlainObject(current)) {
      for (const [key, child] of Object.entries(current)) {
        if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) return true;
        if (typeof child === 'object' && child !== null) stack.push(child);
      }
    }
  }
  return false;
}

/** Whether a `$ref` names something on the network (never fetched). */
export const isRemoteRef = (ref: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//');
