import * as fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { arbitraryFromSchema, negativeArbitraryFromSchema, SchemaGenerationError, type ArbitraryOptions, type MutatedValue } from '../../arbitraries/index.ts';
import { guardRecursion } from '../../arbitraries/document.ts';
import { createGeneratorAjv } from '../../arbitraries/validator.ts';
import type { Finding, FindingSource } from '../../findings/types.ts';
import { canonicalJson } from '../../util/canonical-json.ts';
import { contentHash } from '../../util/hash.ts';
import { propertyGeneratedInvalid, propertyMutationAccepted, propertyUnsatisfiable, propertyUnsupported } from './rules/index.ts';

/** One response body schema to check: a status of an endpoint, inside its schema document. */
export interface PropertyTarget {
  api: string;
  endpoint: string;
  status: number;
  /** The endpoint's schema document (`generated/schemas/<api>/<endpoint>.schema.json`). */
  document: unknown;
  /** JSON pointer of the body schema inside `document`, e.g. `/$defs/status200`. */
  pointer: string;
  source?: FindingSource;
}

export interface PropertyCheckOptions {
  /** Runs per property and target (default 100). */
  numRuns?: number;
  /** Base seed (default 0); each target runs with a seed derived from it and its location. */
  seed?: number;
  /** Also run the negative property (default true). */
  negative?: boolean;
  /** Generator options (depth, sizes, formats, its own validator…), shared by every target. */
  generator?: Omit<ArbitraryOptions, 'pointer' | 'verify'>;
  /**
   * The validator that judges bodies (default: a fresh `createGeneratorAjv()`), kept apart from
   * the generator's so that the two are compared, not assumed equal.
   */
  ajv?: Ajv2020;
}

/** How much of a counterexample goes into a finding's evidence. */
const EVIDENCE_CHARS = 2000;

/**
 * The property checks of one catalogue: for every target,
 * 1. bodies generated from the schema validate, and still do after a JSON round trip
 *    (`property/generated-invalid` with the seed and shrunk counterexample otherwise);
 * 2. bodies with one forbidden mutation are rejected (`property/mutation-accepted`);
 * 3. a schema no value satisfies is `property/unsatisfiable`, one the generator cannot explore
 *    `property/unsupported`.
 * The generator runs unguarded here (`verify: false`): the point is to see whether the schema's
 * keywords and its validator agree, so a disagreement must surface, not be filtered away.
 * Runs are seeded per target, so a finding is reproduced with `--seed` alone.
 */
export function checkProperties(targets: readonly PropertyTarget[], options: PropertyCheckOptions = {}): Finding[] {
  const numRuns = options.numRuns ?? 100;
  const baseSeed = options.seed ?? 0;
  // The default judge skips ajv's code optimiser: each schema is compiled once and called a few
  // hundred times. `allErrors` stays on: without it ajv 8.20 accepts `[]` for prefixItems + contains.
  const ajv = options.ajv ?? createGeneratorAjv({ code: { optimize: false } });
  const documents = new Map<string, string>();
  const findings: Finding[] = [];
  for (const target of targets) {
    const context = { target, seed: targetSeed(baseSeed, target), numRuns };
    try {
      findings.push(...checkTarget(context, validatorFor(ajv, documents, target), options));
    } catch (error) {
      // A validator that recurses without end, met while re-checking a counterexample.
      if (!(error instanceof SchemaGenerationError)) throw error;
      findings.push(generationFailure(context, error));
    }
  }
  return findings;
}

function checkTarget(context: RunContext, validate: ValidateFunction | string, options: PropertyCheckOptions): Finding[] {
  const { target } = context;
  if (typeof validate === 'string') {
    return [finding(context, propertyUnsupported, target.pointer, `the validator cannot compile this schema (${validate}); property checks skipped`, { error: validate })];
  }
  const generatorOptions: ArbitraryOptions = { ...options.generator, pointer: target.pointer, verify: false };
  let positive: fc.Arbitrary<unknown>;
  try {
    positive = arbitraryFromSchema(target.document, generatorOptions);
  } catch (error) {
    return [generationFailure(context, error)];
  }
  const positiveFinding = runPositive(context, positive, validate);
  if (positiveFinding) return [positiveFinding];
  if (options.negative === false) return [];
  let negative: fc.Arbitrary<MutatedValue>;
  try {
    negative = negativeArbitraryFromSchema(target.document, { ...generatorOptions, verify: true });
  } catch (error) {
    // No mutation is rejected when the schema accepts every body (`{}`): nothing to check then.
    if (error instanceof SchemaGenerationError) return [];
    throw error;
  }
  const negativeFinding = runNegative(context, negative, validate);
  return negativeFinding ? [negativeFinding] : [];
}

interface RunContext {
  target: PropertyTarget;
  seed: number;
  numRuns: number;
}

/** A per-target seed: stable for a base seed and a location, different between targets. */
export function targetSeed(base: number, target: Pick<PropertyTarget, 'api' | 'endpoint' | 'status' | 'pointer'>): number {
  const digest = contentHash(`${base}|${target.api}|${target.endpoint}|${target.status}|${target.pointer}`);
  return Number.parseInt(digest.slice(0, 8), 16) | 0;
}

function validatorFor(ajv: Ajv2020, documents: Map<string, string>, target: PropertyTarget): ValidateFunction | string {
  try {
    const text = canonicalJson(target.document);
    let key = documents.get(text);
    if (!key) {
      key = `apiconform:property:${contentHash(text)}`;
      if (!ajv.getSchema(key)) ajv.addSchema(target.document as object, key);
      documents.set(text, key);
    }
    const fragment = '#' + target.pointer.split('/').map((t) => encodeURIComponent(t)).join('/');
    const fn = ajv.getSchema(key + fragment);
    if (!fn) return `no schema at ${target.pointer}`;
    return guardRecursion(fn as ValidateFunction, target.pointer);
  } catch (error) {
    return (error as Error).message;
  }
}

/** fast-check's run, with a generator that gives up mid-run turned into a finding. */
function run<T>(context: RunContext, arbitrary: fc.Arbitrary<T>, holds: (value: T) => boolean): fc.RunDetails<[T]> | Finding {
  try {
    return fc.check(fc.property(arbitrary, holds), { numRuns: context.numRuns, seed: context.seed });
  } catch (error) {
    return generationFailure(context, error);
  }
}

function runPositive(context: RunContext, arbitrary: fc.Arbitrary<unknown>, validate: ValidateFunction): Finding | undefined {
  const details = run(context, arbitrary, (value) => validate(value) === true && validate(JSON.parse(JSON.stringify(value))) === true);
  if ('ruleId' in details) return details;
  if (!details.failed) return undefined;
  // Validate the shrunk counterexample again: the errors reported are its own, and a failure
  // that is not a rejection (a bounded search that ran dry while drawing) is told apart.
  const counterexample = details.counterexample?.[0];
  const validAsGenerated = details.counterexample !== null && validate(counterexample) === true;
  const validAfterRoundTrip = validAsGenerated && validate(JSON.parse(JSON.stringify(counterexample))) === true;
  if (details.counterexample === null || validAfterRoundTrip) return generationFailure(context, details.errorInstance);
  const errors = validate.errors ?? [];
  const stage = validAsGenerated ? 'after a JSON round trip' : 'as generated';
  return finding(
    context,
    propertyGeneratedInvalid,
    context.target.pointer,
    `a body built from the schema is rejected by its own validator ${stage} (${summariseErrors(errors)}): the schema's keywords disagree with each other or with the validator; ` +
      `make them consistent (reproduce with seed ${details.seed}, counterexample in evidence)`,
    { seed: details.seed, path: details.counterexamplePath, numRuns: context.numRuns, counterexample: clipEvidence(counterexample), errors },
  );
}

function runNegative(context: RunContext, arbitrary: fc.Arbitrary<MutatedValue>, validate: ValidateFunction): Finding | undefined {
  const details = run(context, arbitrary, (sample) => validate(sample.value) !== true);
  if ('ruleId' in details) return details;
  if (!details.failed) return undefined;
  const sample = details.counterexample?.[0];
  if (!sample || validate(sample.value) !== true) return generationFailure(context, details.errorInstance);
  const { kind, pointer, description } = sample.mutation;
  return finding(
    context,
    propertyMutationAccepted,
    context.target.pointer,
    `mutation ${kind} at ${pointer || 'the root'} (${description}) is still accepted by the validator: the schema does not enforce what it declares there; ` +
      `tighten the keyword or the branch that lets it through (reproduce with seed ${details.seed})`,
    { seed: details.seed, path: details.counterexamplePath, mutation: sample.mutation, value: clipEvidence(sample.value) },
  );
}

function generationFailure(context: RunContext, error: unknown): Finding {
  if (error instanceof SchemaGenerationError && error.kind === 'unsatisfiable') {
    return finding(
      context,
      propertyUnsatisfiable,
      joinPointers(context.target.pointer, error.pointer),
      `no body can satisfy this schema: ${error.message}; every response with this status would fail validation, so fix the keyword at ${error.pointer || 'the root'}`,
      { reason: error.message, schemaPointer: error.pointer },
    );
  }
  const message = error instanceof SchemaGenerationError ? error.message : (error as Error)?.message ?? String(error);
  const pointer = error instanceof SchemaGenerationError ? joinPointers(context.target.pointer, error.pointer) : context.target.pointer;
  return finding(context, propertyUnsupported, pointer, `property checks skipped: ${message}`, { reason: message, seed: context.seed });
}

/** Generator pointers are document pointers already; keep the deeper of the two. */
function joinPointers(base: string, inner: string): string {
  return inner.startsWith(base) ? inner : inner === '' ? base : inner;
}

function finding(
  context: RunContext,
  rule: { id: string; severity: Finding['severity'] },
  pointer: string,
  message: string,
  evidence: unknown,
): Finding {
  const { target } = context;
  return {
    ruleId: rule.id,
    severity: rule.severity,
    api: target.api,
    endpoint: target.endpoint,
    status: target.status,
    pointer,
    message: `${target.api} ${target.endpoint} ${target.status}: ${message}`,
    evidence,
    ...(target.source ? { source: target.source } : {}),
  };
}

function summariseErrors(errors: ValidateFunction['errors']): string {
  if (!errors || errors.length === 0) return 'no detail';
  return errors
    .slice(0, 3)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`)
    .join('; ');
}

/** A value for a finding's evidence: as is, or its JSON cut to EVIDENCE_CHARS with the full length said. */
export function clipEvidence(value: unknown): unknown {
  const text = JSON.stringify(value);
  if (text === undefined || text.length <= EVIDENCE_CHARS) return value;
  return `${text.slice(0, EVIDENCE_CHARS)}… (${text.length} characters)`;
}
