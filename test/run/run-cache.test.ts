import { describe, expect, it } from 'vitest';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config/index.ts';
import { runChecksCommand, CACHE_DIR } from '../../src/run/index.ts';
import { BUNDLED_CATALOGUE, tempDir } from '../helpers.ts';

describe('lint/validate results are kept by content', () => {
  it('an unchanged catalogue returns the same result without reading it again; a changed one is checked again', async () => {
    const root = await tempDir();
    const catalogue = join(root, 'catalogue.csv');
    await copyFile(BUNDLED_CATALOGUE, catalogue);
    const config = resolveConfig(undefined, { catalogue });
    const first = await runChecksCommand('validate', { config, root });
    expect(existsSync(join(root, CACHE_DIR, 'runs', 'validate.json'))).toBe(true);
    const again = await runChecksCommand('validate', { config, root });
    expect(again.findings).toEqual(first.findings);
    expect(again.cases).toEqual(first.cases);

    // other options are another result (here: no property checks)
    const text = await readFile(catalogue, 'utf8');
    const differentOptions = await runChecksCommand('validate', { config: resolveConfig(undefined, { catalogue, validate: { runs: 0, seed: 1 } }), root });
    expect(differentOptions.findings.filter((f) => f.ruleId.startsWith('property/'))).toEqual([]);
    const rows = text.split('\n');
    const broken = rows.findIndex((line) => line.startsWith('8a633727'));
    rows.splice(broken, 1); // the catalogue changes: one Enode row fewer
    await writeFile(catalogue, rows.join('\n'));
    const changed = await runChecksCommand('validate', { config, root });
    expect(changed.catalogue.rows).toBe(first.catalogue.rows - 1);
  });
});
