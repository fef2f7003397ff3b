import { readFileSync } from 'node:fs';
import type { Finding } from '../../src/findings/types.ts';
import type { ReportCase, ReportInput } from '../../src/reports/types.ts';
import type { RuleDefinition } from '../../src/rules/types.ts';

/**
 * The report fixture: 30 findings shaped like the sample catalogue's (data/catalogue.csv), its 98
 * checked endpoint×status cases (written from the model), and a definition for each rule they use.
 */
const dir = new URL('../fixtures/reports/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;

export const FIXTURE_FINDINGS = read<Finding[]>('findings.json');
export const FIXTURE_CASES = read<ReportCase[]>('cases.json');
/** Fixture copies, not the registry: the tests must not change when a rule's wording does. */
export const FIXTURE_RULES = read<RuleDefinition[]>('rules.json');

export function fixtureInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    tool: { name: 'apiconform', version: '0.1.0' },
    command: 'all',
    catalogue: { file: 'data/catalogue.csv', rows: 100, apis: 16, endpoints: 76, responses: 98 },
    findings: structuredClone(FIXTURE_FINDINGS),
    cases: structuredClone(FIXTURE_CASES),
    rules: FIXTURE_RULES,
    failOn: 'error',
    ...overrides,
  };
}
