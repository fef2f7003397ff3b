import * as fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { arbitraryFromSchema, SchemaGenerationError } from '../../arbitraries/index.ts';
import { guardRecursion } from '../../arbitraries/document.ts';
import { mismatchAt, satisfies, type MatcherNode } from '../../contracts/index.ts';
import { createConformanceAjv } from '../conformance/index.ts';
import { contentHash } from '../../util/hash.ts';
import { DRIFT_KINDS, mutateAt, sitesOf, type DriftKind, type DriftMutation } from './drift-mutations.ts';

/**
 * One distinct response body schema to check, with the distinct Pact matcher trees inferred for
 * it (one per distinct example shape). Endpoints that share a schema share the target: the
 * outcome depends on nothing else (besides the run's options and the code), so it is computed
 * once and cached by `key`.
 */
export interface ResponseTarget {
  /** Content key of the schema and matchers: what the outcome is cached by. */
  key: string;
  /** Content hash of the schema alone: the seed comes from it, so that bodies do not depend on which other examples share the schema. */
  schemaHash: string;
  /** A self-contained body schema (the example's normalised schema; its `$ref`s are its own). */
  schema: unknown;
  matchers: MatcherNode[];
}

/** What the properties found for one target: plain data, cached by content, turned into findings per endpoint. */
export interface TargetOutcome {
  runs: number;
  seed: number;
  /** The schema could not be checked: no value satisfies it, or the generator gave up within its limits. */
  failure?: { kind: 'unsatisfiable' | 'unsupported'; reason: string; pointer: string };
  /** A body the mock would serve that the response validator rejects (shrunk). */
  mock?: { body: unknown; errors: string };
  /** Drift kinds that could be made somewhere and that the schema never rejected. */
  blind: DriftKind[];
  /** Per matcher tree (same order as the target's). */
  contracts: ContractOutcome[];
}

export interface ContractOutcome {
  /** A schema-valid body the interaction's matching rules reject (shrunk), and where. */
  tooStrict?: { pointer: string; body: unknown };
  /** Drift kinds the schema rejects and the matching rules let through, with where one was seen. */
  blindSpots: Array<{ kind: DriftKind; pointer: string }>;
}

export interface ResponseCheckOptions {
  numRuns: number;
  seed: number;
}

/** A per-target seed: stable for a base seed and a schema, different between schemas. */
export function responseSeed(base: number, key: string): number {
  return Number.parseInt(contentHash(`${base}|${key}`).slice(0, 8), 16) | 0;
}

/** Judges are compiled without ajv's optimiser (each is called a few hundred times) on an instance renewed every so often: ajv keeps what it compiled. */
const JUDGE_RENEW = 200;
let judge: { ajv: Ajv2020; compiled: number } | undefined;

function compileJudge(schema: unknown): ValidateFunction {
  if (!judge || judge.compiled >= JUDGE_RENEW) judge = { ajv: createConformanceAjv(), compiled: 0 };
  judge.compiled++;
  return guardRecursion(judge.ajv.compile(schema as object) as ValidateFunction, '');
}

/**
 * The property checks of one response schema, in one pass over `numRuns` bodies drawn the way the
 * mock provider draws `Prefer: dynamic=true` bodies (seeded, so a finding replays):
 * - the mock conforms: each body passes the validator that judges real responses;
 * - each contract is not too strict: each body passes the interaction's matching rules;
 * - drift sensitivity: each body is changed each way responses drift (drift-mutations.ts), one
 *   place per body and kind; a kind the schema never rejects is one drift checks are blind to;
 * - each contract is not too weak: a change the schema rejects and the matching rules accept is a
 *   blind spot of the contract.
 * Only a failure is replayed through fast-check's runner, to shrink it.
 */
export function checkResponseTarget(target: ResponseTarget, options: ResponseCheckOptions): TargetOutcome {
  const seed = responseSeed(options.seed, target.schemaHash);
  const outcome: TargetOutcome = { runs: 0, seed, blind: [], contracts: target.matchers.map(() => ({ blindSpots: [] })) };
  let arbitrary: fc.Arbitrary<unknown>;
  let bodies: unknown[];
  let validate: ValidateFunction;
  try {
    arbitrary = arbitraryFromSchema(target.schema);
    bodies = fc.sample(arbitrary, { seed, numRuns: options.numRuns });
    validate = compileJudge(target.schema);
  } catch (error) {
    outcome.failure = failureOf(error);
    return outcome;
  }
  outcome.runs = bodies.length;

  const applicable = new Set<DriftKind>();
  const detected = new Set<DriftKind>();
  const spotted = target.matchers.map(() => new Map<DriftKind, string>());
  // the first failing body of each property (shrunk afterwards)
  let mockFailed: unknown;
  const tooStrict: unknown[] = target.matchers.map(() => undefined);
  try {
    bodies.forEach((body, index) => {
      if (mockFailed === undefined && validate(body) !== true) mockFailed = body;
      target.matchers.forEach((matcher, m) => {
        if (tooStrict[m] === undefined && !satisfies(matcher, body)) tooStrict[m] = body;
      });
      const sites = sitesOf(body);
      DRIFT_KINDS.forEach((kind, k) => {
        const wanted = !detected.has(kind) || spotted.some((found) => !found.has(kind));
        if (!wanted) return;
        const mutation = firstMutation(body, kind, sites, index * 7919 + k * 104729);
        if (!mutation) return;
        applicable.add(kind);
        if (validate(mutation.value) === true) return;
        detected.add(kind);
        target.matchers.forEach((matcher, m) => {
          if (!spotted[m]!.has(kind) && satisfies(matcher, mutation.value)) spotted[m]!.set(kind, mutation.pointer);
        });
      });
    });
  } catch (error) {
    // a validator that recursed without end on a body (guardRecursion)
    outcome.failure = failureOf(error);
    return outcome;
  }

  outcome.blind = DRIFT_KINDS.filter((kind) => applicable.has(kind) && !detected.has(kind));
  if (mockFailed !== undefined) {
    const body = shrink(arbitrary, seed, options.numRuns, (b) => validate(b) === true, mockFailed);
    validate(body);
    outcome.mock = { body, errors: (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`).join('; ') };
  }
  target.matchers.forEach((matcher, m) => {
    const contract = outcome.contracts[m]!;
    contract.blindSpots = DRIFT_KINDS.filter((kind) => spotted[m]!.has(kind)).map((kind) => ({ kind, pointer: spotted[m]!.get(kind)! }));
    if (tooStrict[m] !== undefined) {
      const body = shrink(arbitrary, seed, options.numRuns, (b) => satisfies(matcher, b), tooStrict[m]);
      contract.tooStrict = { pointer: mismatchAt(matcher, body) ?? '', body };
    }
  });
  return outcome;
}

/** The first place, going round from `start`, where a mutation of `kind` can be made. */
function firstMutation(body: unknown, kind: DriftKind, sites: ReturnType<typeof sitesOf>, start: number): DriftMutation | undefined {
  for (let i = 0; i < sites.length; i++) {
    const mutation = mutateAt(body, kind, sites[(start + i) % sites.length]!);
    if (mutation) return mutation;
  }
  return undefined;
}

/**
 * fast-check's runner over the same seed, for its shrunk counterexample of `holds`; the body the
 * fast pass found when the runner's draws miss it (its sequence of values need not be sample()'s).
 */
function shrink(arbitrary: fc.Arbitrary<unknown>, seed: number, numRuns: number, holds: (body: unknown) => boolean, found: unknown): unknown {
  const details = fc.check(fc.property(arbitrary, holds), { seed, numRuns });
  return details.failed && details.counterexample ? details.counterexample[0] : found;
}

function failureOf(error: unknown): NonNullable<TargetOutcome['failure']> {
  if (error instanceof SchemaGenerationError) return { kind: error.kind, reason: error.message, pointer: error.pointer };
  if (error instanceof RangeError) return { kind: 'unsupported', reason: `too deep to check: ${error.message}`, pointer: '' };
  throw error;
}
