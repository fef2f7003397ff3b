import type { Finding, Severity } from '../../findings/types.ts';
import { resolveTokens } from '../../schemas/pointer.ts';
import type { Api, Endpoint, Response } from '../../model/types.ts';
import type { ExampleSite } from './schema-index.ts';
import { at, evidenceValue, exampleLabel, exampleSource, excerpt, list, plural, siteLabel } from './text.ts';
import type { Violation } from './violations.ts';

const FIX = 'fix the example, or the schema if this is what the API really sends';

/** `example/violates-schema`: one violation of one example, readable without the schema at hand. */
export function violationFinding(site: ExampleSite, violation: Violation, severity: Severity): Finding {
  const found = valueAt(site.example.body, violation.pointer);
  return {
    ruleId: 'example/violates-schema',
    severity,
    api: site.api.slug,
    endpoint: site.endpoint.slug,
    status: site.response.status,
    example: site.example.exampleIndex,
    pointer: violation.pointer,
    message: `${exampleLabel(site)}: ${at(violation.pointer)} ${complaint(violation, found)} (${violation.schemaPath}); ${FIX}`,
    evidence: {
      keyword: violation.keyword,
      schemaPath: violation.schemaPath,
      expected: evidenceValue(violation.expected),
      found: evidenceValue(found),
      params: violation.params,
      ...(violation.branches ? { branches: violation.branches } : {}),
    },
    source: exampleSource(site),
  };
}

/**
 * `schema/invalid` for a status schema ajv cannot compile: its examples cannot be validated, so
 * this is reported wherever compiling is attempted (example conformance, and lint's
 * `schema/invalid`); both build it here so the records are identical.
 */
export function compileFailureFinding(api: Api, endpoint: Endpoint, response: Response, error: string, severity: Severity): Finding {
  const first = response.examples[0]!;
  const rows = response.examples.map((e) => e.rowId);
  return {
    ruleId: 'schema/invalid',
    severity,
    api: api.slug,
    endpoint: endpoint.slug,
    status: response.status,
    pointer: '',
    message:
      `${siteLabel({ api, endpoint, status: response.status })}: ajv cannot compile the body schema (${error}), so ` +
      `${rows.length === 1 ? 'its example is' : `its ${rows.length} examples are`} not validated; repair the schema of ` +
      `${rows.length === 1 ? `row ${first.rowId}` : `rows ${list(rows, 3)}`}`,
    evidence: { error },
    source: { file: first.source.file, line: first.source.line, rowId: first.rowId },
  };
}

/**
 * `` `/a/b` is 3 but the schema wants type "string" ``: one violation of `body`, in words.
 * `prepare` sees the offending value before it is excerpted (drift redacts secrets there, before
 * the excerpt cuts one in half).
 */
export function describeViolation(violation: Violation, body: unknown, prepare: (found: unknown) => unknown = (found) => found): string {
  return `${at(violation.pointer)} ${complaint(violation, prepare(valueAt(body, violation.pointer)))}`;
}

function complaint(v: Violation, found: unknown): string {
  const p = v.params;
  switch (v.keyword) {
    case 'type':
      return `is ${describe(found)} but the schema wants ${typeText(p.type)}`;
    case 'enum':
      return `is ${excerpt(found)}, not one of ${list(asArray(p.allowedValues))}`;
    case 'const':
      return `is ${excerpt(found)} but the schema wants exactly ${excerpt(p.allowedValue)}`;
    case 'format':
      return `is ${found === '' ? '"" (empty)' : excerpt(found)}, not a valid ${String(p.format)}`;
    case 'required':
      return `lacks the required property "${String(p.missingProperty)}"`;
    case 'dependentRequired':
      return `has "${String(p.property)}" but lacks "${String(p.missingProperty)}", which the schema requires with it`;
    case 'additionalProperties':
      return `has the property "${String(p.additionalProperty)}", which the schema does not allow (additionalProperties)`;
    case 'maxItems':
    case 'minItems':
      return `has ${plural(Array.isArray(found) ? found.length : 0, 'item')}; the schema allows ${v.keyword === 'maxItems' ? 'at most' : 'at least'} ${String(p.limit)}`;
    case 'maxLength':
    case 'minLength':
      return `is ${excerpt(found)}; the schema allows ${v.keyword === 'maxLength' ? 'at most' : 'at least'} ${plural(Number(p.limit), 'character')}`;
    case 'maxProperties':
    case 'minProperties':
      return `has ${plural(found !== null && typeof found === 'object' ? Object.keys(found).length : 0, 'property', 'properties')}; the schema allows ${v.keyword === 'maxProperties' ? 'at most' : 'at least'} ${String(p.limit)}`;
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      return `is ${excerpt(found)}; the schema wants a number ${String(p.comparison)} ${String(p.limit)}`;
    case 'multipleOf':
      return `is ${excerpt(found)}, not a multiple of ${String(p.multipleOf)}`;
    case 'pattern':
      return `is ${excerpt(found)}, which does not match the pattern ${JSON.stringify(p.pattern)}`;
    case 'uniqueItems':
      return `has identical items at ${String(p.j)} and ${String(p.i)}; the schema wants unique items`;
    case 'contains': {
      const min = Number(p.minContains ?? 1);
      if (p.maxContains === undefined) return `has ${min === 1 ? 'no item' : `fewer than ${min} items`} matching the schema under "contains"`;
      return `does not have between ${min} and ${String(p.maxContains)} items matching the schema under "contains"`;
    }
    case 'anyOf':
    case 'oneOf':
      return combinatorComplaint(v);
    case 'not':
      return 'matches the schema under "not", which it must not';
    case 'false schema':
      return 'is not allowed here (the schema at this place is `false`)';
    case 'if':
      return `does not satisfy the "${String(p.failingKeyword)}" branch of the schema's if/then/else`;
    case 'propertyNames':
      return `has a property name the schema rejects ("${String(p.propertyName)}")`;
    default:
      return v.message;
  }
}

function combinatorComplaint(v: Violation): string {
  const passing = v.params.passingSchemas;
  if (Array.isArray(passing)) return `matches alternatives ${passing.join(' and ')} at once; "oneOf" wants exactly one`;
  const branches = v.branches ?? [];
  const closest = [...branches].sort((a, b) => a.errors.length - b.errors.length)[0];
  const first = closest?.errors[0];
  const hint = first ? `; the closest, alternative ${closest.branch}, objects that ${at(first.pointer)} ${first.message}` : '';
  return `matches none of the alternatives of "${v.keyword}"${hint}`;
}

function typeText(type: unknown): string {
  const types = asArray(type).map(String);
  return types.length === 1 ? `type "${types[0]}"` : `one of the types ${types.map((t) => `"${t}"`).join(', ')}`;
}

/** `an object {"0":"S","1":"O",…}`, `the string "<boolean>"`, `null`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array ${excerpt(value)}`;
  if (typeof value === 'object') return `an object ${excerpt(value)}`;
  if (typeof value === 'string') return `the string ${excerpt(value)}`;
  return `the ${typeof value} ${excerpt(value)}`;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** The body's value at an ajv instancePath (RFC 6901, not URI-encoded). */
function valueAt(body: unknown, pointer: string): unknown {
  if (pointer === '') return body;
  const tokens = pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  return resolveTokens(body, tokens);
}
