import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAjv } from '../../src/validators/index.ts';
import { ROOT } from '../helpers.ts';

describe('generated schema documents', () => {
  const files = readdirSync(join(ROOT, 'generated/schemas'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.schema.json'));

  it('there is one per endpoint', () => {
    expect(files).toHaveLength(76);
  });

  it('every document and every status definition compiles in ajv 2020-12 strict mode', () => {
    const ajv = createAjv();
    let statuses = 0;
    for (const file of files) {
      const document = JSON.parse(readFileSync(join(ROOT, 'generated/schemas', file), 'utf8'));
      expect(document.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const validate = ajv.compile(document);
      for (const [name, def] of Object.entries<Record<string, unknown>>(document.$defs)) {
        expect(name).toMatch(/^status\d{3}$/);
        statuses++;
        // the document's root accepts every catalogue example that its own status schema accepts
        const status = ajv.compile({ ...document, anyOf: undefined, $ref: `#/$defs/${name}` });
        for (const example of def.examples as unknown[]) if (status(example)) expect(validate(example)).toBe(true);
      }
    }
    expect(statuses).toBe(98);
  });
});
