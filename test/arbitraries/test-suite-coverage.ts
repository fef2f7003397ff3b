import * as fc from 'fast-check';
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { arbitraryFromSchema, SchemaGenerationError } from '../../src/arbitraries/index.ts';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof import('ajv-formats').default;

/**
 * The official JSON-Schema-Test-Suite (a copy in test/fixtures/json-schema-test-suite) as a
 * coverage measure of the generator: each schema of a test file is a "group"; a group is
 * satisfiable when one of its tests is `valid: true`. For each satisfiable group the generator
 * must build an arbitrary (else "refused") whose samples a validator of that draft accepts
 * (else "invalid"). The judge is an ajv of the draft's class, strict mode off, formats asserted,
 * and the suite's `remotes/` registered under `http://localhost:1234/`, as the suite's runners do.
 */
export const SUITE = 'test/fixtures/json-schema-test-suite';
export type Draft = 'draft7' | 'draft2020-12';

const DIALECT: Record<Draft, string> = {
  draft7: 'http://json-schema.org/draft-07/schema#',
  'draft2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

export interface GroupOutcome {
  file: string;
  description: string;
  outcome: 'generated' | 'refused' | 'invalid' | 'judge-rejects-schema' | 'judge-disagrees-with-suite';
  detail?: string;
}

export interface Coverage {
  draft: Draft;
  satisfiable: number;
  generated: number;
  refused: GroupOutcome[];
  invalid: GroupOutcome[];
  /** Groups the judge cannot compile, or judges against the suite's own verdicts (not counted). */
  skipped: GroupOutcome[];
}

interface Group {
  description: string;
  schema: unknown;
  tests: Array<{ description: string; data: unknown; valid: boolean }>;
}

/** The suite's remote documents, by the URL its tests use. */
export function remoteDocuments(): Map<string, unknown> {
  const root = join(SUITE, 'remotes');
  const out = new Map<string, unknown>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) out.set(`http://localhost:1234/${relative(root, path).split('\\').join('/')}`, JSON.parse(readFileSync(path, 'utf8')));
    }
  };
  walk(root);
  return out;
}

function judgeAjv(draft: Draft, remotes: Map<string, unknown>, validateFormats: boolean): Ajv | Ajv2020 {
  const options = { strict: false, allErrors: true, validateFormats, logger: false as const };
  const ajv = draft === 'draft7' ? new Ajv(options) : new Ajv2020(options);
  addFormats(ajv);
  for (const [url, schema] of remotes) {
    const dialect = typeof schema === 'object' && schema !== null ? (schema as { $schema?: string }).$schema : undefined;
    // Each draft's remotes live in its own folder; the top-level ones are draft-neutral.
    const folder = /^http:\/\/localhost:1234\/(draft[^/]+)\//.exec(url)?.[1];
    if (folder !== undefined && folder !== draft) continue;
    if (draft === 'draft7' && dialect !== undefined && !dialect.includes('draft-07')) continue;
    try {
      ajv.addSchema(schema as AnySchema, url);
    } catch {
      // a remote this draft's class cannot read is not needed by its tests
    }
  }
  return ajv;
}

export function measureSuite(draft: Draft, settings: { samples: number; seed: number; remotes?: Map<string, unknown> }): Coverage {
  const remotes = settings.remotes ?? remoteDocuments();
  const dir = join(SUITE, 'tests', draft);
  const coverage: Coverage = { draft, satisfiable: 0, generated: 0, refused: [], invalid: [], skipped: [] };
  const schemas = Object.fromEntries([...remotes].filter(([url]) => !/localhost:1234\/draft/.test(url) || url.includes(`/${draft}/`)));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const groups = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Group[];
    for (const group of groups) {
      if (!group.tests.some((t) => t.valid)) continue;
      const described = { file, description: group.description };
      let schema = group.schema;
      // draft-07 schemas in the suite do not name their dialect: a user would.
      if (typeof schema === 'object' && schema !== null && !('$schema' in schema)) schema = { $schema: DIALECT[draft], ...schema };
      let validate: ValidateFunction;
      try {
        validate = judgeAjv(draft, remotes, true).compile(schema as AnySchema);
      } catch (error) {
        coverage.skipped.push({ ...described, outcome: 'judge-rejects-schema', detail: (error as Error).message });
        continue;
      }
      coverage.satisfiable++;
      let values: unknown[];
      try {
        values = fc.sample(arbitraryFromSchema(schema, { schemas }), { seed: settings.seed, numRuns: settings.samples });
      } catch (error) {
        if (!(error instanceof SchemaGenerationError)) throw error;
        coverage.refused.push({ ...described, outcome: 'refused', detail: error.describe() });
        continue;
      }
      let bad: unknown;
      try {
        bad = values.find((v) => validate(JSON.parse(JSON.stringify(v))) !== true);
      } catch (error) {
        bad = `(the judge fails: ${(error as Error).message})`;
      }
      if (bad !== undefined || values.length < settings.samples) {
        // A judge that gets the suite's own verdicts wrong on this schema (ajv's partial
        // $dynamicRef support) cannot judge samples either: the group is set aside, and listed.
        // Formats are annotations in the suite's required tests: that check runs without them.
        const wrong = judgeMistakes(judgeAjv(draft, remotes, false).compile(schema as AnySchema), group);
        if (wrong !== undefined) {
          coverage.satisfiable--;
          coverage.skipped.push({ ...described, outcome: 'judge-disagrees-with-suite', detail: `${wrong}; it rejects ${JSON.stringify(bad)}` });
          continue;
        }
        coverage.invalid.push({ ...described, outcome: 'invalid', detail: `${JSON.stringify(bad)}: ${JSON.stringify(validate.errors?.[0])}` });
        continue;
      }
      coverage.generated++;
    }
  }
  return coverage;
}

function judgeMistakes(validate: ValidateFunction, group: Group): string | undefined {
  for (const test of group.tests) {
    try {
      if (validate(test.data) !== test.valid) return `"${test.description}": the suite says ${test.valid ? 'valid' : 'invalid'}`;
    } catch (error) {
      return `"${test.description}": ${(error as Error).message}`;
    }
  }
  return undefined;
}

export function describeCoverage(c: Coverage): string {
  const share = (c.generated / c.satisfiable) * 100;
  return `${c.draft}: ${c.generated}/${c.satisfiable} satisfiable groups generate (${share.toFixed(1)} %), ${c.refused.length} refused, ${c.invalid.length} invalid`;
}
