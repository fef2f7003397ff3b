import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../src/catalogue/index.ts';
import { checkExamples, SchemaCompiler } from '../../../src/checks/conformance/index.ts';
import { buildModel } from '../../../src/model/index.ts';
import { BUNDLED_CATALOGUE } from '../../helpers.ts';
import { modelOf } from '../helpers.ts';

describe('ajv in worker threads', () => {
  it('gives the same findings as ajv in this thread', async () => {
    const model = buildModel((await readCatalogue(BUNDLED_CATALOGUE)).rows).model;
    const inThread = new SchemaCompiler({ workers: 0 });
    const inWorkers = new SchemaCompiler({ workers: 2, workerThreshold: 1 });
    const here = await checkExamples(model, { compiler: inThread });
    const there = await checkExamples(model, { compiler: inWorkers });
    expect(there).toEqual(here);
    expect(inWorkers.stats).toEqual(inThread.stats);
    expect(inWorkers.stats.ajvValidated).toBe(18);
  }, 30_000);

  it('reports schemas a worker cannot compile', async () => {
    const model = modelOf([
      { api: 'A', endpoint: 'E', status: 200, body: {}, schema: { properties: { ab: {} }, patternProperties: { '^a': {} } } },
      { api: 'A', endpoint: 'F', status: 200, body: { n: 'x' }, schema: { properties: { n: { type: 'integer' } } } },
    ]);
    const findings = await checkExamples(model, { compiler: new SchemaCompiler({ workers: 1, workerThreshold: 1 }) });
    expect(findings.map((f) => `${f.ruleId} ${f.endpoint}`)).toEqual(['schema/invalid e', 'example/violates-schema f']);
  }, 30_000);
});
