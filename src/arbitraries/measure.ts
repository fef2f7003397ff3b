import * as fc from 'fast-check';
import { SchemaGenerationError } from './errors.ts';
import { arbitraryFromSchema } from './arbitrary.ts';
import type { ArbitraryOptions } from './options.ts';

/** What `npm run bench` reports for generation over a set of distinct schemas. */
export interface GenerationMeasure {
  schemas: number;
  /** Schemas refused at construction, by kind. */
  refused: { unsatisfiable: number; unsupported: number };
  samples: number;
  /** Building the arbitraries (preparing documents, compiling validators, probing). */
  constructionMs: number;
  /** Drawing the samples, every one checked by the validator. */
  generationMs: number;
  /** Samples per second of drawing alone, and including construction. */
  samplesPerSecond: number;
  overallSamplesPerSecond: number;
}

/** A schema to measure: a document and, for a status body inside it, its pointer. */
export interface MeasureTarget {
  document: unknown;
  pointer?: string;
}

/**
 * Builds an arbitrary for each schema and draws `samplesPerSchema` values from it with a fixed
 * seed, timing both phases. Pure apart from the clock: the caller reads the schemas (pass each
 * status body with its document, since its `$ref`s point into the document).
 */
export function measureGeneration(
  targets: Iterable<MeasureTarget>,
  settings: { samplesPerSchema?: number; seed?: number; options?: Omit<ArbitraryOptions, 'pointer'> } = {},
): GenerationMeasure {
  const samplesPerSchema = settings.samplesPerSchema ?? 100;
  const seed = settings.seed ?? 1;
  const measure: GenerationMeasure = {
    schemas: 0,
    refused: { unsatisfiable: 0, unsupported: 0 },
    samples: 0,
    constructionMs: 0,
    generationMs: 0,
    samplesPerSecond: 0,
    overallSamplesPerSecond: 0,
  };
  for (const { document, pointer } of targets) {
    measure.schemas++;
    const built = performance.now();
    let arbitrary: fc.Arbitrary<unknown>;
    try {
      arbitrary = arbitraryFromSchema(document, { ...settings.options, pointer: pointer ?? '' });
    } catch (error) {
      if (!(error instanceof SchemaGenerationError)) throw error;
      measure.refused[error.kind]++;
      continue;
    } finally {
      measure.constructionMs += performance.now() - built;
    }
    const drawn = performance.now();
    try {
      measure.samples += fc.sample(arbitrary, { seed, numRuns: samplesPerSchema }).length;
    } catch (error) {
      if (!(error instanceof SchemaGenerationError)) throw error;
      measure.refused[error.kind]++;
    }
    measure.generationMs += performance.now() - drawn;
  }
  measure.samplesPerSecond = measure.generationMs > 0 ? (measure.samples / measure.generationMs) * 1000 : 0;
  const total = measure.generationMs + measure.constructionMs;
  measure.overallSamplesPerSecond = total > 0 ? (measure.samples / total) * 1000 : 0;
  return measure;
}
