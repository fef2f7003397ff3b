import { describe, expect, it } from 'vitest';
import { measureGeneration } from '../../src/arbitraries/index.ts';

describe('measureGeneration', () => {
  it('counts schemas, refusals and samples, and times both phases', () => {
    const document = { $defs: { status200: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] }, status500: { type: 'integer', minimum: 2, maximum: 1 } } };
    const measure = measureGeneration(
      [
        { document, pointer: '/$defs/status200' },
        { document, pointer: '/$defs/status500' },
        { document: { type: 'string', format: 'email' } },
      ],
      { samplesPerSchema: 50, seed: 3 },
    );
    expect(measure).toMatchObject({ schemas: 3, refused: { unsatisfiable: 1, unsupported: 0 }, samples: 100 });
    expect(measure.generationMs).toBeGreaterThan(0);
    expect(measure.samplesPerSecond).toBeCloseTo((100 / measure.generationMs) * 1000);
    expect(measure.overallSamplesPerSecond).toBeLessThan(measure.samplesPerSecond);
  });
});
