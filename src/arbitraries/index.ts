/**
 * JSON Schema → fast-check arbitraries: valid values (`arbitraryFromSchema`) and values that
 * must be rejected, each tagged with the mutation made (`negativeArbitraryFromSchema`).
 *
 * Input: a JSON Schema 2020-12 or draft-07 document (draft-04/2019-09 spellings are upgraded
 * too), or a boolean schema. `options.pointer` (or a root `$ref` beside `$defs`) picks the schema
 * inside the document: `arbitraryFromSchema({ ...doc, $ref: '#/$defs/status200' })`. `$ref`s
 * to other documents are served from `options.schemas` (by URL) and the bundled draft-07 and
 * 2020-12 meta-schemas, never fetched.
 *
 * Output: an arbitrary that is seeded by fast-check's runner (`fc.assert(…, { seed })`,
 * `fc.sample(arb, { seed, numRuns })`) and shrinks towards small values (absent optional
 * properties, short arrays, minimal pattern matches, the multiple nearest zero).
 *
 * Failure: a schema the generator proves admits no value, or cannot handle, makes the call
 * throw a `SchemaGenerationError` with `kind: 'unsatisfiable' | 'unsupported'`, the JSON pointer
 * of the deciding keyword and a message — at construction, never by looping. Every search is
 * bounded (`options.attempts`), every value stays under a size budget (`options.maxValueNodes`:
 * a schema whose smallest value is larger is refused as `unsupported`, and a draw growing past it
 * is abandoned), and every value is checked against the validator (apiconform's `createAjv()`
 * options with strict mode off, see validator.ts; or `options.ajv`) before it is handed out
 * (`options.verify`, default on); a short seeded probe
 * at construction turns a search that keeps running dry into that same error. In the rare case
 * a search runs dry only later, the arbitrary throws the error while sampling.
 *
 * Arbitraries are cached by schema content and options (not when custom `formats` or `ajv` are
 * passed, which have no content key).
 */
export { arbitraryFromSchema, negativeArbitraryFromSchema, sampleFromSchema, type NegativeOptions } from './arbitrary.ts';
export { SchemaGenerationError, type SchemaGenerationErrorKind } from './errors.ts';
export { measureGeneration, type GenerationMeasure, type MeasureTarget } from './measure.ts';
export { MUTATION_KINDS, type Mutation, type MutationKind, type MutatedValue } from './mutations.ts';
export type { ArbitraryOptions } from './options.ts';
