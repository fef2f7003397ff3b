import { canonicalJson } from '../../util/canonical-json.ts';
import { fragmentTokens, resolveTokens } from '../../schemas/pointer.ts';
import type { JsonSchema } from '../../schemas/types.ts';
import type { AjvError } from './types.ts';

/** One way an example breaks its schema: where in the body, which keyword, what it wanted. */
export interface Violation {
  /** JSON pointer into the body (ajv's instancePath). */
  pointer: string;
  keyword: string;
  /** Where the keyword sits in the status schema (`#/properties/mode/type`). */
  schemaPath: string;
  params: Record<string, unknown>;
  /** ajv's message. */
  message: string;
  /** The keyword's value in the schema (what was expected), when it can be located. */
  expected: unknown;
  /** For a failed `anyOf`/`oneOf`: what each alternative objected to. */
  branches?: BranchErrors[];
}

export interface BranchErrors {
  branch: number;
  errors: Array<{ pointer: string; keyword: string; message: string }>;
}

/** Keywords whose subschema errors are attempts, not requirements: each alternative's, each item's, each name's. */
const FOLDING = new Set(['anyOf', 'oneOf', 'contains', 'propertyNames']);
const COMBINATORS = new Set(['anyOf', 'oneOf']);

/**
 * ajv's errors (allErrors) as a list a person can act on:
 * - the errors inside a failed `anyOf`/`oneOf` are folded into it (`branches`), because each is
 *   only one alternative's complaint, not a requirement of the body; so are the item errors of a
 *   failed `contains` and the name errors of a failed `propertyNames`;
 * - the same complaint reached through several schema paths (an `allOf` of two schemas that both
 *   say `type: string`) is reported once, at the first path.
 * Order is ajv's, which follows the schema.
 */
export function toViolations(errors: readonly AjvError[], schema: JsonSchema): Violation[] {
  const folding = errors.filter((e) => FOLDING.has(e.keyword));
  const insideCombinator = (e: AjvError) =>
    folding.some((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`) && e.instancePath.startsWith(c.instancePath));
  const seen = new Set<string>();
  const violations: Violation[] = [];
  for (const error of errors) {
    if (insideCombinator(error)) continue;
    const key = `${error.instancePath}\u0000${error.keyword}\u0000${canonicalJson(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const violation: Violation = {
      pointer: error.instancePath,
      keyword: error.keyword,
      schemaPath: error.schemaPath,
      params: error.params,
      message: error.message ?? `must pass "${error.keyword}"`,
      expected: schemaValueAt(schema, error.schemaPath),
    };
    if (COMBINATORS.has(error.keyword)) violation.branches = branchErrors(error, errors);
    violations.push(violation);
  }
  return violations;
}

function branchErrors(combinator: AjvError, errors: readonly AjvError[]): BranchErrors[] {
  const prefix = `${combinator.schemaPath}/`;
  const byBranch = new Map<number, BranchErrors>();
  for (const error of errors) {
    if (!error.schemaPath.startsWith(prefix)) continue;
    const branch = Number(error.schemaPath.slice(prefix.length).split('/')[0]);
    if (!Number.isInteger(branch)) continue;
    let entry = byBranch.get(branch);
    if (!entry) byBranch.set(branch, (entry = { branch, errors: [] }));
    entry.errors.push({ pointer: error.instancePath, keyword: error.keyword, message: error.message ?? error.keyword });
  }
  return [...byBranch.values()].sort((a, b) => a.branch - b.branch);
}

/** The keyword's value at an ajv schemaPath (`#/properties/a/type`), or undefined. */
export function schemaValueAt(schema: JsonSchema, schemaPath: string): unknown {
  const tokens = fragmentTokens(schemaPath);
  return tokens ? resolveTokens(schema, tokens) : undefined;
}
