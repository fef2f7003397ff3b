import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../src/arbitraries/regex.ts';
import { ROOT } from '../helpers.ts';

/**
 * apiconform uses two dependencies past their public API, each for a reason given in
 * docs/ARCHITECTURE.md ("Dependencies used past their public API"), and calls pact-core directly.
 * Each is pinned exactly in package.json; these tests fail with a message that says what to do
 * when an upgrade breaks that use.
 */
const require = createRequire(join(ROOT, 'package.json'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

function installedVersion(name: string): string {
  // Read from node_modules directly: not every package exports its package.json.
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

function expectPinned(name: string, why: string): void {
  const pin = manifest.dependencies[name];
  expect(pin, `${name} must be pinned to an exact version in package.json dependencies: ${why}`).toMatch(/^\d+\.\d+\.\d+$/);
  expect(installedVersion(name), `${name} installed is not the pinned ${pin}: run npm ci`).toBe(pin);
}

describe('dependencies used past their public API', () => {
  it('json-schema-to-typescript: the pipeline stages compile-body.ts imports from dist/src/ still exist', async () => {
    const why = 'src/typegen/compile-body.ts imports its private dist/src/* stages';
    expectPinned('json-schema-to-typescript', why);
    const stages: Record<string, string[]> = {
      linker: ['link'],
      validator: ['validate'],
      normalizer: ['normalize', 'normalizeNullableRefs'],
      parser: ['parse', 'nameAnonymousRecursiveTypes'],
      optimizer: ['optimize'],
      generator: ['generate'],
    };
    for (const [file, names] of Object.entries(stages)) {
      const module = (await import(`json-schema-to-typescript/dist/src/${file}.js`)) as Record<string, unknown>;
      for (const name of names) {
        expect(typeof module[name], `json-schema-to-typescript no longer exports ${name} from dist/src/${file}.js (${why}); change compile-body.ts to call compile() for every schema, or follow the new layout`).toBe('function');
      }
    }
    // The end-to-end check (same output as compile()) is test/typegen/compile-body.test.ts.
  });

  it('re2js: regex.ts walks its compiled program (re2Input.prog) and generates matching strings', () => {
    expectPinned('re2js', 'src/arbitraries/regex.ts reads the compiled program re2js does not export');
    const cases: [string, RegExp][] = [['^[a-z]{2,4}-\\d+$', /^[a-z]{2,4}-\d+$/u], ['(?i)^(ab|cd)$', /^(ab|cd)$/iu], ['^\\pL+$', /^\p{L}+$/u]];
    for (const [source, re] of cases) {
      let pattern;
      try {
        pattern = compilePattern(source, '/pattern');
      } catch (error) {
        throw new Error(`re2js ${installedVersion('re2js')} changed the compiled program regex.ts reads (re2Input.prog: inst[], start); update PatternWalker's opcodes or pin re2js back. ${(error as Error).message}`);
      }
      let made = 0;
      for (let seed = 0; seed < 20; seed++) {
        const text = pattern.walk(fc.sample(fc.array(fc.nat(8), { maxLength: 12 }), { seed, numRuns: 1 })[0]!, 6);
        if (text === undefined) continue;
        made++;
        expect(text, `re2js program walk for ${source} made a non-matching string: opcodes changed?`).toMatch(re);
      }
      expect(made, `re2js program walk for ${source} made no string at all`).toBeGreaterThan(10);
    }
  });

  it('@pact-foundation/pact-core: declared, pinned, the one @pact-foundation/pact uses, with verifyPacts', async () => {
    expectPinned('@pact-foundation/pact-core', 'src/verify/verifier-child.js calls its verifyPacts');
    const pactDir = dirname(require.resolve('@pact-foundation/pact/package.json'));
    expect(createRequire(join(pactDir, 'package.json')).resolve('@pact-foundation/pact-core'), '@pact-foundation/pact resolves another pact-core than the declared one: align the pin with its dependency').toBe(require.resolve('@pact-foundation/pact-core'));
    const core = (await import('@pact-foundation/pact-core')) as { default?: { verifyPacts?: unknown }; verifyPacts?: unknown };
    expect(typeof (core.default ?? core).verifyPacts).toBe('function');
  });
});
