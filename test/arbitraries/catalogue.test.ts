import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arbitraryFromSchema } from '../../src/arbitraries/index.ts';
import { readCatalogue } from '../../src/catalogue/index.ts';
import { normaliseSchema } from '../../src/schemas/index.ts';
import { draw, judge, rejected } from './helpers.ts';

const SEED = 20261127;
const GENERATED = 'generated/schemas';

interface StatusTarget {
  name: string;
  document: Record<string, unknown>;
  pointer: string;
}

/** Every endpoint × status of the bundled catalogue, as the build wrote it. */
function generatedTargets(): StatusTarget[] {
  const targets: StatusTarget[] = [];
  for (const api of readdirSync(GENERATED).sort()) {
    for (const file of readdirSync(join(GENERATED, api)).sort()) {
      const document = JSON.parse(readFileSync(join(GENERATED, api, file), 'utf8')) as Record<string, unknown>;
      for (const key of Object.keys((document.$defs as object) ?? {}).filter((k) => /^status\d+$/.test(k))) {
        targets.push({ name: `${api}/${file} ${key}`, document, pointer: `/$defs/${key}` });
      }
    }
  }
  return targets;
}

describe('the bundled catalogue', () => {
  it('every endpoint × status: 1,000 generated bodies validate', () => {
    const targets = generatedTargets();
    expect(targets.length).toBeGreaterThanOrEqual(90);
    const failures: string[] = [];
    for (const { name, document, pointer } of targets) {
      const validate = judge({ ...document, $ref: `#${pointer}` });
      const bad = rejected(validate, draw(arbitraryFromSchema(document, { pointer, verify: false }), 1000, SEED));
      if (bad.length > 0) failures.push(`${name} (seed ${SEED}): ${bad.length} invalid, e.g. ${JSON.stringify(bad[0])}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('every row, normalised: generated bodies validate against the row schema', async () => {
    const { rows } = await readCatalogue('data/catalogue.csv');
    expect(rows).toHaveLength(100);
    const failures: string[] = [];
    for (const row of rows) {
      const { schema } = normaliseSchema(row.schema);
      const bad = rejected(judge(schema), draw(arbitraryFromSchema(schema, { verify: false }), 200, SEED));
      if (bad.length > 0) failures.push(`row ${row.id} (seed ${SEED}): ${bad.length} invalid, e.g. ${JSON.stringify(bad[0])}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
