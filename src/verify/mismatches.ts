import type { Finding } from '../findings/types.ts';
import { appendPointer, unescapePointerToken } from '../schemas/pointer.ts';
import { normaliseSchema, type JsonSchema } from '../schemas/index.ts';
import { familyOf, viewOf } from '../contracts/schema-view.ts';
import { interactionIdOf, type PlannedInteraction } from './prepare.ts';
import type { Recording } from './recording-proxy.ts';
import { contractSeverity, type ContractRuleId } from './rules/index.ts';
import type { PactMismatch, VerifierError, VerifierJson } from './run-verifier.ts';
import { unexpectedFields } from './unexpected-fields.ts';

export type Verdict = 'passed' | 'failed' | 'pending' | 'skipped';

export interface InteractionVerdict {
  description: string;
  api: string;
  endpoint: string;
  status: number;
  example?: number;
  rowId?: string;
  verdict: Verdict;
  /** Why it was skipped. */
  reason?: string;
  /** How long the provider took (as the recording proxy measured it). */
  durationMs?: number;
}

export interface VerificationOutcome {
  findings: Finding[];
  verdicts: InteractionVerdict[];
}

/**
 * The verifier's result and the recordings → findings (a pure function). Each Pact mismatch
 * becomes the `contract/*` finding that names it precisely (missing field, type, status, non-JSON
 * body…) with a JSON pointer into the body; a timeout or an unreachable provider is taken from
 * the recording instead of from the 504/502 the verifier saw; fields the schema does not describe
 * are reported as warnings although Pact accepts them.
 */
export function verificationOutcome(plan: readonly PlannedInteraction[], json: VerifierJson | undefined, recordings: ReadonlyMap<number, Recording>): VerificationOutcome {
  const errors = groupErrors(json?.errors ?? []);
  const pendingErrors = groupErrors(json?.pendingErrors ?? []);
  const findings: Finding[] = [];
  const verdicts: InteractionVerdict[] = [];
  for (const entry of plan) {
    const base = {
      description: entry.description,
      api: entry.api,
      endpoint: entry.endpoint,
      status: entry.status,
      ...(entry.example !== undefined ? { example: entry.example } : {}),
      ...(entry.rowId ? { rowId: entry.rowId } : {}),
    };
    if (entry.skipped) {
      verdicts.push({ ...base, verdict: 'skipped', reason: entry.skipped });
      continue;
    }
    const recording = recordings.get(entry.id);
    const timing = recording ? { durationMs: recording.durationMs } : {};
    if (entry.pending) {
      // Known to be unservable (contract/unservable-status was reported when the contract was made).
      verdicts.push({ ...base, verdict: pendingErrors.has(entry.id) ? 'pending' : 'passed', ...timing });
      continue;
    }
    const own = errors.get(entry.id) ?? [];
    const found = findingsFor(entry, own, recording);
    findings.push(...found);
    const failed = own.length > 0 || found.some((f) => f.severity === 'error');
    verdicts.push({ ...base, verdict: failed ? 'failed' : 'passed', ...timing });
  }
  return { findings, verdicts };
}

function findingsFor(entry: PlannedInteraction, errors: VerifierError[], recording: Recording | undefined): Finding[] {
  const out: Finding[] = [];
  const add = (ruleId: ContractRuleId, message: string, extra: { pointer?: string; evidence?: unknown } = {}) =>
    out.push({
      ruleId,
      severity: contractSeverity(ruleId),
      api: entry.api,
      endpoint: entry.endpoint,
      status: entry.status,
      ...(entry.example !== undefined ? { example: entry.example } : {}),
      ...(extra.pointer !== undefined ? { pointer: extra.pointer } : {}),
      message: `${entry.description}: ${message}`,
      ...(extra.evidence !== undefined ? { evidence: extra.evidence } : {}),
      ...(entry.source ? { source: entry.source } : {}),
    });

  if (recording?.failure?.kind === 'timeout') {
    add('contract/timeout', `the provider did not answer within the timeout (${recording.failure.message})`, { evidence: { durationMs: Math.round(recording.durationMs) } });
    return out;
  }
  if (recording?.failure?.kind === 'unreachable') {
    add('contract/unreachable', `the provider could not be reached: ${recording.failure.message}`);
    return out;
  }

  const mismatches: PactMismatch[] = [];
  for (const error of errors) {
    if (error.mismatch.type === 'error') add('contract/unreachable', `the verifier could not send the request: ${error.mismatch.message}`);
    else mismatches.push(...error.mismatch.mismatches);
  }
  const schema = entry.catalogue ? normaliseSchema(entry.catalogue.example.schema).schema : undefined;
  const snippet = recording?.body !== undefined ? truncate(recording.body, 200) : undefined;
  // Another status means another response: comparing its body with this one's says nothing more.
  const status = mismatches.find((m) => m.type === 'StatusMismatch');
  if (status) {
    add('contract/status-mismatch', `expected status ${String(status.expected)}, the provider answered ${String(status.actual)}`, {
      evidence: {
        expected: status.expected,
        actual: status.actual,
        ...(recording?.contentType ? { contentType: recording.contentType } : {}),
        ...(snippet !== undefined ? { body: snippet } : {}),
      },
    });
    return out;
  }
  // A JSON content type over a body that does not parse is as unusable as an HTML page.
  if (errors.length > 0 && recording?.body !== undefined && recording.body !== '' && !parseJson(recording.body).ok) {
    add('contract/unexpected-non-json', `expected a JSON body, the provider's body does not parse as JSON${recording.contentType ? ` (content type ${recording.contentType})` : ''}`, {
      pointer: '',
      evidence: { contentType: recording.contentType ?? null, ...(snippet !== undefined ? { body: snippet } : {}) },
    });
    return out;
  }
  let nonJson = false;
  for (const mismatch of mismatches) {
    switch (mismatch.type) {
      case 'BodyTypeMismatch':
      case 'HeaderMismatch': {
        if (mismatch.type === 'HeaderMismatch' && mismatch.key?.toLowerCase() !== 'content-type') {
          add('contract/body-mismatch', mismatch.mismatch, { evidence: { header: mismatch.key, expected: mismatch.expected, actual: mismatch.actual } });
          break;
        }
        if (nonJson) break;
        nonJson = true;
        const contentType = recording?.contentType ?? (typeof mismatch.actual === 'string' ? mismatch.actual : undefined);
        add('contract/unexpected-non-json', `expected a JSON body, the provider answered ${contentType ? `content type ${contentType}` : 'without a content type'}`, {
          pointer: '',
          evidence: { contentType: contentType ?? null, ...(snippet !== undefined ? { body: snippet } : {}) },
        });
        break;
      }
      case 'BodyMismatch':
        bodyMismatch(mismatch, schema, add);
        break;
      default:
        add('contract/body-mismatch', mismatch.mismatch, { evidence: { type: mismatch.type } });
    }
  }
  if (errors.length > 0 && out.length === 0) {
    add('contract/body-mismatch', 'Pact reported the interaction as failed without a mismatch apiconform could place');
  }

  if (!nonJson && schema !== undefined && recording?.body !== undefined && recording.status === entry.status) {
    const body = parseJson(recording.body);
    if (body.ok) {
      // A field the catalogue example has is known (weak-matcher reports the schema's gap once).
      const known = shapePaths(entry.catalogue?.example.body);
      for (const pointer of unexpectedFields(schema, body.value).filter((p) => !known.has(shapeOf(p)))) {
        add('contract/unexpected-field', 'the provider sent a field the schema does not describe (Pact accepts it; the catalogue should describe it)', { pointer });
      }
    }
  }
  return out;
}

type Add = (ruleId: ContractRuleId, message: string, extra?: { pointer?: string; evidence?: unknown }) => void;

function bodyMismatch(mismatch: PactMismatch, schema: JsonSchema | undefined, add: Add): void {
  const pointer = pactPathToPointer(mismatch.path ?? '$');
  const expected = parseJson(mismatch.expected);
  const actual = parseJson(mismatch.actual);
  if (/missing the following keys/i.test(mismatch.mismatch) && expected.ok && actual.ok && Array.isArray(expected.value) && Array.isArray(actual.value)) {
    const present = new Set(actual.value.map(String));
    for (const key of expected.value.map(String).filter((k) => !present.has(k))) {
      const fieldPointer = appendPointer(pointer ?? '', key);
      const required = schema === undefined || isRequired(schema, pointer ?? '', key);
      add(required ? 'contract/missing-field' : 'contract/missing-optional-field', `field ${fieldPointer} is missing${required ? '' : ' (the schema does not require it, the example has it)'}`, {
        pointer: fieldPointer,
      });
    }
    return;
  }
  const typeChanged = /to be an integer/i.test(mismatch.mismatch) || (expected.ok && actual.ok && familyOf(expected.value) !== familyOf(actual.value));
  add(typeChanged ? 'contract/type-mismatch' : 'contract/body-mismatch', `${pointer || '/'}: ${mismatch.mismatch}`, {
    pointer: pointer ?? '',
    evidence: { expected: expected.ok ? truncateValue(expected.value) : mismatch.expected, actual: actual.ok ? truncateValue(actual.value) : mismatch.actual },
  });
}

/** Whether the schema requires `key` in the object at `pointer` (of a body that follows the schema). */
export function isRequired(schema: JsonSchema, pointer: string, key: string): boolean {
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerToken);
  let schemas: JsonSchema[] = [schema];
  for (const token of tokens) {
    const view = viewOf(schemas, schema);
    const next = view.properties.get(token) ?? (/^\d+$/.test(token) && view.items.length > 0 ? view.items : undefined) ?? view.additionalProperties.filter((s) => typeof s === 'object');
    const fromAlternatives = view.alternatives.flat().flatMap((branch) => {
      const v = viewOf([branch], schema);
      return v.properties.get(token) ?? (/^\d+$/.test(token) ? v.items : []);
    });
    schemas = [...next, ...fromAlternatives];
    if (schemas.length === 0) return false;
  }
  const view = viewOf(schemas, schema);
  if (view.required.has(key)) return true;
  return view.alternatives.some((group) => group.length > 0 && group.every((branch) => viewOf([branch], schema).required.has(key)));
}

/** Pact's JSON path (`$.a[0]['b c']`) → JSON pointer (`/a/0/b c`); undefined when it cannot be read. */
export function pactPathToPointer(path: string): string | undefined {
  if (!path.startsWith('$')) return undefined;
  let pointer = '';
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      let j = i + 1;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      pointer = appendPointer(pointer, path.slice(i + 1, j));
      i = j;
    } else if (c === '[') {
      if (path[i + 1] === "'") {
        const end = path.indexOf("']", i + 2);
        if (end === -1) return undefined;
        pointer = appendPointer(pointer, path.slice(i + 2, end));
        i = end + 2;
      } else {
        const end = path.indexOf(']', i);
        if (end === -1) return undefined;
        pointer = appendPointer(pointer, path.slice(i + 1, end));
        i = end + 1;
      }
    } else return undefined;
  }
  return pointer;
}

// A pointer with its array indices replaced by "*" (/hooks/3/code becomes /hooks/*/code).
function shapeOf(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

function shapePaths(body: unknown): Set<string> {
  const paths = new Set<string>();
  const walk = (value: unknown, pointer: string, depth: number) => {
    if (depth > 64) return;
    paths.add(pointer);
    if (Array.isArray(value)) for (const item of value) walk(item, `${pointer}/*`, depth + 1);
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, appendPointer(pointer, key), depth + 1);
  };
  if (body !== undefined) walk(body, '', 0);
  return paths;
}

function groupErrors(errors: readonly VerifierError[]): Map<number, VerifierError[]> {
  const map = new Map<number, VerifierError[]>();
  for (const error of errors) {
    const id = interactionIdOf(error.interaction);
    if (id === undefined) continue;
    map.set(id, [...(map.get(id) ?? []), error]);
  }
  return map;
}

function parseJson(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== 'string') return value === undefined ? { ok: false } : { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false };
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function truncateValue(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text !== undefined && text.length > 200 ? `${text.slice(0, 199)}…` : value;
}
