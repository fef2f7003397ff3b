import { schemaProblemFinding } from '../../../build/findings.ts';
import type { Finding } from '../../../findings/types.ts';
import type { FindingDraft } from '../../../rules/types.ts';
import { schemaInvalid } from '../../../rules/schema-invalid.ts';
import { appendPointer } from '../../../schemas/pointer.ts';
import { ARRAY_OF_SUBSCHEMAS, MAP_OF_SUBSCHEMAS, SINGLE_SUBSCHEMA } from '../../../schemas/vocabulary.ts';
import { patternProblem } from '../../../validators/regexp.ts';
import { compileFailureFinding } from '../../conformance/findings.ts';
import type { ExampleSite } from '../../conformance/schema-index.ts';
import type { LintContext } from '../context.ts';
import { catastrophicBacktracking } from '../helpers/regex-risk.ts';
import { isPlainObject } from '../helpers/text.ts';
import type { LintRule } from '../types.ts';

/**
 * Three sources, one rule: the normaliser's refusals (a remote `$ref`, a pattern RE2 cannot run,
 * keyword values the meta-schema rejects — the same records `build` reports, made by the same
 * function, and skipped when `build` has reported them), status schemas ajv cannot compile (the
 * same record example conformance reports), and patterns that would backtrack catastrophically in
 * other validators.
 */
export const schemaInvalidRule: LintRule = {
  ...schemaInvalid,
  *check(context) {
    for (const site of context.sites) {
      if (context.normaliserProblems) yield* normaliserProblems(context, site);
      yield* riskyPatterns(context, site);
      if (site.example === site.response.examples[0]) {
        const status = context.statusSchema(site);
        const outcome = context.compiler.compileOutcome(status.hash, status.schema);
        if (!outcome.ok) yield toDraft(compileFailureFinding(site.api, site.endpoint, site.response, outcome.error, 'error'));
      }
    }
  },
};

function* normaliserProblems(context: LintContext, site: ExampleSite): Generator<FindingDraft> {
  for (const problem of context.normalised(site.example).problems) {
    if (problem.ruleId !== 'schema/invalid') continue;
    yield toDraft(schemaProblemFinding(site.api, site.endpoint, { ...problem, status: site.response.status, example: site.example }));
  }
}

/** Risky patterns by schema text: many examples share a schema, and most schemas have no pattern. */
const risksByText = new WeakMap<LintContext, Map<string, Array<{ pattern: string; pointer: string; risk: string }>>>();

function risksOf(context: LintContext, site: ExampleSite): Array<{ pattern: string; pointer: string; risk: string }> {
  let byText = risksByText.get(context);
  if (!byText) risksByText.set(context, (byText = new Map()));
  const { schemaText, schema } = site.example;
  let risks = byText.get(schemaText);
  if (!risks) {
    risks = [];
    if (schemaText.includes('attern')) {
      for (const [pattern, pointer] of patterns(schema, '')) {
        if (patternProblem(pattern)) continue; // the normaliser already refused it
        const risk = catastrophicBacktracking(pattern);
        if (risk) risks.push({ pattern, pointer, risk });
      }
    }
    byText.set(schemaText, risks);
  }
  return risks;
}

function* riskyPatterns(context: LintContext, site: ExampleSite): Generator<FindingDraft> {
  for (const { pattern, pointer, risk } of risksOf(context, site)) {
    yield context.draft(site, {
      pointer,
      message:
        `schema of ${site.endpoint.name} ${site.response.status} (row ${site.example.rowId}) at ${pointer}: the pattern ` +
        `${JSON.stringify(pattern)} can backtrack catastrophically (${risk}); apiconform runs it with RE2 in linear time, but ` +
        "validators using JavaScript's RegExp, Python's re or Java hang on a long string that almost matches — rewrite it " +
        'without nested or overlapping repetition',
      evidence: { pattern, risk },
    });
  }
}

/** Draft-04…2020-12 and OpenAPI keywords that hold subschemas in a schema as the catalogue writes it. */
const RAW_SINGLE = new Set([...SINGLE_SUBSCHEMA, 'additionalItems']);
const RAW_MAP = new Set([...MAP_OF_SUBSCHEMAS, 'definitions', 'dependencies']);

/** `pattern` values and `patternProperties` keys of a raw schema, with their pointers. */
function* patterns(node: unknown, pointer: string): Generator<[string, string]> {
  if (!isPlainObject(node)) return;
  if (typeof node.pattern === 'string') yield [node.pattern, appendPointer(pointer, 'pattern')];
  if (isPlainObject(node.patternProperties)) {
    for (const key of Object.keys(node.patternProperties)) yield [key, appendPointer(pointer, 'patternProperties', key)];
  }
  for (const [key, value] of Object.entries(node)) {
    if (RAW_SINGLE.has(key) || (key === 'items' && !Array.isArray(value))) yield* patterns(value, appendPointer(pointer, key));
    else if ((ARRAY_OF_SUBSCHEMAS.has(key) || key === 'items') && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) yield* patterns(value[i], appendPointer(pointer, key, i));
    } else if (RAW_MAP.has(key) && isPlainObject(value)) {
      for (const [name, sub] of Object.entries(value)) yield* patterns(sub, appendPointer(pointer, key, name));
    }
  }
}

function toDraft({ severity: _severity, ruleId: _ruleId, ...draft }: Finding): FindingDraft {
  return draft;
}
