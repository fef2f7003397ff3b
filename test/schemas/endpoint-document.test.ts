import { describe, expect, it } from 'vitest';
import { endpointSchemas, normaliseSchema } from '../../src/schemas/index.ts';
import { createAjv } from '../../src/validators/index.ts';
import type { Endpoint, Example } from '../../src/model/index.ts';

const example = (schema: unknown, body: unknown, exampleIndex: number): Example => ({
  rowId: `a/b/0/${exampleIndex}`,
  responseIndex: 0,
  exampleIndex,
  summary: null,
  body,
  bodyText: JSON.stringify(body),
  schema,
  schemaText: JSON.stringify(schema),
  source: { file: 'x.csv', line: exampleIndex + 2 },
});

describe('endpointSchemas', () => {
  it('an anyOf of several example schemas that use $ref still resolves (regression)', () => {
    const a = { $defs: { item: { type: 'string' } }, type: 'array', items: { $ref: '#/$defs/item' } };
    const b = { $defs: { item: { type: 'integer' } }, type: 'object', properties: { n: { $ref: '#/$defs/item' } } };
    const endpoint: Endpoint = {
      id: 'e', apiId: 'a', apiSlug: 'api', name: 'Mixed', slug: 'mixed', typeName: 'Mixed', description: '',
      responses: [{ status: 200, examples: [example(a, ['x'], 0), example(b, { n: 1 }, 1)] }],
    };
    const { document, statuses } = endpointSchemas(endpoint, 'API', (e) => normaliseSchema(e.schema));
    const ajv = createAjv();
    const doc = ajv.compile(document);
    expect(doc(['x'])).toBe(true);
    expect(doc({ n: 1 })).toBe(true);
    expect(doc({ n: 'no' })).toBe(false);
    expect(doc([1])).toBe(false);
    const status = createAjv().compile(statuses[0]!.schema as object);
    expect(status(['x'])).toBe(true);
    expect(status({ n: 'no' })).toBe(false);
  });
});
