import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProperties, PROPERTY_RULES, targetSeed, type PropertyTarget } from '../../src/checks/properties/index.ts';
import { createGeneratorAjv } from '../../src/arbitraries/validator.ts';

const doc = (status200: unknown) => ({ $schema: 'https://json-schema.org/draft/2020-12/schema', anyOf: [{ $ref: '#/$defs/status200' }], $defs: { status200 } });
const target = (status200: unknown, endpoint = 'things'): PropertyTarget => ({ api: 'shop', endpoint, status: 200, document: doc(status200), pointer: '/$defs/status200' });

describe('checkProperties', () => {
  it('finds nothing wrong with a consistent schema, positive and negative', () => {
    const findings = checkProperties([target({ type: 'object', properties: { id: { type: 'integer', minimum: 1 }, sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{3}$' } }, required: ['id', 'sku'], additionalProperties: false })], { numRuns: 200, seed: 1 });
    expect(findings).toEqual([]);
  });

  it('reports a schema no body satisfies as property/unsatisfiable, at the keyword', () => {
    const [finding, ...rest] = checkProperties([target({ type: 'object', properties: { qty: { type: 'integer', minimum: 5, maximum: 1 } }, required: ['qty'] })]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'property/unsatisfiable', severity: 'error', api: 'shop', endpoint: 'things', status: 200, pointer: '/$defs/status200' });
    expect(finding!.message).toMatch(/no body can satisfy.*qty.*range \[5, 1\] is empty.*fix the keyword/);
  });

  it('reports what it cannot explore as property/unsupported, with the reason', () => {
    const [finding] = checkProperties([target({ type: 'string', pattern: '^[a-z]{3}$', minLength: 5 })]);
    expect(finding).toMatchObject({ ruleId: 'property/unsupported', severity: 'info' });
    expect(finding!.message).toMatch(/property checks skipped: could not generate a string meeting minLength 5, pattern/);
  });

  it('reports a validator that disagrees with the schema as property/generated-invalid, with seed and shrunk counterexample', () => {
    // The judging validator reads `date` more strictly than the format's definition (this century only).
    const ajv = createGeneratorAjv();
    ajv.addFormat('date', { type: 'string', validate: (s: string) => /^20\d\d-\d\d-\d\d$/.test(s) });
    const findings = checkProperties([target({ type: 'object', properties: { day: { type: 'string', format: 'date' } }, required: ['day'] })], { numRuns: 200, seed: 3, ajv });
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ ruleId: 'property/generated-invalid', severity: 'warning', pointer: '/$defs/status200' });
    const evidence = finding!.evidence as { seed: number; counterexample: { day: string }; errors: unknown[] };
    expect(evidence.seed).toBe(targetSeed(3, target({})));
    expect(evidence.counterexample.day).toMatch(/^19\d\d-/);
    expect(Object.keys(evidence.counterexample)).toEqual(['day']);
    expect(finding!.message).toContain(`seed ${evidence.seed}`);
  });

  it('reports a forbidden body the validator accepts as property/mutation-accepted, naming the mutation', () => {
    // The judging validator does not enforce `email`, so a format-breaking mutation gets through.
    const ajv = createGeneratorAjv();
    ajv.addFormat('email', true);
    const findings = checkProperties([target({ type: 'object', properties: { mail: { type: 'string', format: 'email' } }, required: ['mail'], additionalProperties: false })], { numRuns: 300, seed: 5, ajv });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'property/mutation-accepted', severity: 'warning' });
    const evidence = findings[0]!.evidence as { mutation: { kind: string; pointer: string } };
    expect(evidence.mutation).toMatchObject({ kind: 'format-mismatch', pointer: '/mail' });
    expect(findings[0]!.message).toMatch(/mutation format-mismatch at \/mail \(.*not a valid email\) is still accepted/);
  });

  it('is deterministic for a seed and varies with it', () => {
    const ajv = createGeneratorAjv();
    ajv.addFormat('date', { type: 'string', validate: (s: string) => /^20\d\d-/.test(s) });
    const targets = [target({ type: 'string', format: 'date' })];
    const run = (seed: number) => checkProperties(targets, { numRuns: 100, seed, ajv });
    expect(run(9)).toEqual(run(9));
    expect((run(9)[0]!.evidence as { seed: number }).seed).not.toBe((run(10)[0]!.evidence as { seed: number }).seed);
  });

  it('defines one rule per finding it makes', () => {
    expect(PROPERTY_RULES.map((r) => r.id).sort()).toEqual([
      'property/contract-blind-spot',
      'property/contract-too-strict',
      'property/drift-blind',
      'property/generated-invalid',
      'property/mock-nonconforming',
      'property/mutation-accepted',
      'property/unsatisfiable',
      'property/unsupported',
    ]);
    for (const rule of PROPERTY_RULES) {
      expect(rule.stage).toBe('property');
      expect(rule.why.length).toBeGreaterThan(100);
      expect(rule.catalogueCase.length).toBeGreaterThan(40);
    }
  });
});

describe('the bundled catalogue, every endpoint × status', () => {
  const GENERATED = 'generated/schemas';
  it('generated bodies pass, negative bodies fail, JSON round trips stay valid', () => {
    const targets: PropertyTarget[] = [];
    for (const api of readdirSync(GENERATED).sort()) {
      for (const file of readdirSync(join(GENERATED, api)).sort()) {
        const document = JSON.parse(readFileSync(join(GENERATED, api, file), 'utf8')) as { $defs?: Record<string, unknown> };
        for (const key of Object.keys(document.$defs ?? {}).filter((k) => /^status\d+$/.test(k))) {
          targets.push({ api, endpoint: file.replace(/\.schema\.json$/, ''), status: Number(key.slice('status'.length)), document, pointer: `/$defs/${key}` });
        }
      }
    }
    expect(targets.length).toBeGreaterThanOrEqual(90);
    expect(checkProperties(targets, { numRuns: 50, seed: 20261127 })).toEqual([]);
  }, 60_000);
});

describe('checkPropertiesInWorkers', () => {
  it('gives the findings of one thread, in the same order, when the targets run in worker threads', async () => {
    const { checkPropertiesInWorkers } = await import('../../src/checks/properties/index.ts');
    const schemas = [
      { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
      { type: 'object', properties: { qty: { type: 'integer', minimum: 5, maximum: 1 } }, required: ['qty'] }, // unsatisfiable
      { type: 'string', pattern: '^[a-z]{3}$', minLength: 5 }, // unsupported
      { type: 'object', properties: { price: { type: 'number', multipleOf: 0.01 } }, required: ['price'] },
      { type: 'array', items: { type: 'string', format: 'email' }, minItems: 1 },
    ];
    const targets = Array.from({ length: 20 }, (_, i) => target(schemas[i % schemas.length], `endpoint-${i}`));
    const inThread = checkProperties(targets, { numRuns: 30, seed: 5 });
    expect(new Set(inThread.map((f) => f.ruleId))).toEqual(new Set(['property/unsatisfiable', 'property/unsupported']));
    expect(inThread).toHaveLength(8);
    const inWorkers = await checkPropertiesInWorkers(targets, { numRuns: 30, seed: 5, workers: 2, threshold: 1 });
    expect(inWorkers).toEqual(inThread);
  });
});
