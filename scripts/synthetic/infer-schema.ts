/**
 * A JSON Schema inferred from one example, the way the dataset's schemas were made: by genson
 * (https://github.com/wolverdude/GenSON). Its quirks are kept because they are what apiconform
 * has to cope with: the `$schema` URI `http://json-schema.org/schema#` that no validator knows,
 * `required` sorted alphabetically, scalar types merged into a sorted type array
 * (`["integer", "string"]`), integer and number merged into `number`, all array items merged into
 * one `items` schema (`{}` for an empty array), and mixed kinds of values under `anyOf`.
 */
export type JsonSchema = Record<string, unknown>;

export const GENSON_SCHEMA_URI = 'http://json-schema.org/schema#';

export interface InferOptions {
  /** Put genson's `$schema` first (the dataset's most common kind); off gives a plain schema. */
  schemaUri?: boolean;
}

export function inferSchema(body: unknown, options: InferOptions = {}): JsonSchema {
  const node = new SchemaNode();
  node.add(body);
  const schema = node.toSchema();
  return options.schemaUri === false ? schema : { $schema: GENSON_SCHEMA_URI, ...schema };
}

type Scalar = 'null' | 'boolean' | 'integer' | 'number' | 'string';

/** What has been seen at one place in the document, merged over every value seen there. */
class SchemaNode {
  private readonly scalars = new Set<Scalar>();
  private object: { properties: Map<string, SchemaNode>; required: Set<string> } | undefined;
  private array: { items: SchemaNode } | undefined;

  add(value: unknown): void {
    if (value === null) this.scalars.add('null');
    else if (typeof value === 'boolean') this.scalars.add('boolean');
    else if (typeof value === 'number') this.scalars.add(Number.isInteger(value) ? 'integer' : 'number');
    else if (typeof value === 'string') this.scalars.add('string');
    else if (Array.isArray(value)) {
      this.array ??= { items: new SchemaNode() };
      for (const item of value) this.array.items.add(item);
    } else if (typeof value === 'object') {
      const keys = Object.keys(value);
      if (!this.object) this.object = { properties: new Map(), required: new Set(keys) };
      else {
        const present = new Set(keys);
        for (const key of this.object.required) if (!present.has(key)) this.object.required.delete(key);
      }
      for (const key of keys) {
        let child = this.object.properties.get(key);
        if (!child) this.object.properties.set(key, (child = new SchemaNode()));
        child.add((value as Record<string, unknown>)[key]);
      }
    }
  }

  toSchema(): JsonSchema {
    // genson: every part that is only `{"type": t}` joins one type list; the rest go to anyOf.
    const types = new Set<string>(this.scalars);
    if (types.has('integer') && types.has('number')) types.delete('integer');
    const others: JsonSchema[] = [];
    for (const part of [this.objectSchema(), this.arraySchema()]) {
      if (!part) continue;
      if (Object.keys(part).length === 1) types.add(part.type as string);
      else others.push(part);
    }
    const parts: JsonSchema[] = [];
    if (types.size === 1) parts.push({ type: [...types][0] });
    else if (types.size > 1) parts.push({ type: [...types].sort() });
    parts.push(...others);
    if (parts.length === 0) return {};
    return parts.length === 1 ? parts[0]! : { anyOf: parts };
  }

  private objectSchema(): JsonSchema | undefined {
    if (!this.object) return undefined;
    const schema: JsonSchema = { type: 'object' };
    if (this.object.properties.size > 0) {
      const properties: JsonSchema = {};
      for (const [key, child] of this.object.properties) properties[key] = child.toSchema();
      schema.properties = properties;
    }
    if (this.object.required.size > 0) schema.required = [...this.object.required].sort();
    return schema;
  }

  private arraySchema(): JsonSchema | undefined {
    return this.array ? { type: 'array', items: this.array.items.toSchema() } : undefined;
  }
}
