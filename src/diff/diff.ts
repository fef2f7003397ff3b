import type { Finding } from '../findings/types.ts';
import type { FindingDraft } from '../rules/types.ts';
import { ruleById } from '../rules/index.ts';
import type { Api, CatalogueModel, Endpoint, Example, Response } from '../model/index.ts';
import { cachedNormaliser, statusSchema, type NormalisedSchema } from '../schemas/index.ts';
import { diffSchemas } from './schema-diff.ts';
import type { JsonSchema } from '../schemas/types.ts';

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * Two versions of a catalogue → what changed for a client of each API. APIs, endpoints and
 * statuses are matched by id and code (names and slugs may change freely: they are not part of
 * the HTTP contract); each status's body schema is compared as the endpoint documents state it
 * (normalised, an `anyOf` across distinct examples). Pure: findings are drafts for the registry
 * to grade; names and slugs are the new version's, or the old one's for what was removed.
 */
export function diffCatalogues(before: CatalogueModel, after: CatalogueModel): Finding[] {
  const findings: FindingDraft[] = [];
  const normalise = cachedNormaliser();
  const newEndpoints = indexEndpoints(after);
  const oldEndpoints = indexEndpoints(before);

  for (const { api, endpoint } of oldEndpoints.values()) {
    const now = newEndpoints.get(key(api, endpoint));
    if (!now) {
      const deprecated = endpoint.responses.length > 0 && endpoint.responses.every((r) => isDeprecated(statusSchema(r, normalise).status.schema));
      findings.push({
        ruleId: deprecated ? 'diff/deprecated-removed' : 'diff/endpoint-removed',
        api: api.slug,
        endpoint: endpoint.slug,
        message: deprecated
          ? `${api.name} › ${endpoint.name} is gone from the new catalogue (endpoint ${endpoint.id}); it was deprecated, so clients were warned`
          : `${api.name} › ${endpoint.name} is gone from the new catalogue (endpoint ${endpoint.id}): clients that call it break`,
        ...sourceOf(endpoint.responses[0]?.examples[0]),
      });
      continue;
    }
    diffEndpoint(endpoint, now.api, now.endpoint, normalise, findings);
  }
  for (const { api, endpoint } of newEndpoints.values()) {
    if (oldEndpoints.has(key(api, endpoint))) continue;
    findings.push({
      ruleId: 'diff/endpoint-added',
      api: api.slug,
      endpoint: endpoint.slug,
      message: `${api.name} › ${endpoint.name} is new (statuses ${endpoint.responses.map((r) => r.status).join(', ')})`,
      ...sourceOf(endpoint.responses[0]?.examples[0]),
    });
  }
  return findings.map((draft) => ({ ...draft, ruleId: draft.ruleId!, severity: ruleById(draft.ruleId!)!.severity }));
}

function diffEndpoint(
  before: Endpoint,
  api: Api,
  after: Endpoint,
  normalise: (example: Example) => NormalisedSchema,
  findings: FindingDraft[],
): void {
  const label = `${api.name} › ${after.name}`;
  const newResponses = new Map(after.responses.map((r) => [r.status, r]));
  const oldResponses = new Map(before.responses.map((r) => [r.status, r]));
  for (const response of before.responses) {
    const now = newResponses.get(response.status);
    if (!now) {
      const deprecated = isSuccess(response.status) && isDeprecated(statusSchema(response, normalise).status.schema);
      findings.push({
        ruleId: deprecated ? 'diff/deprecated-removed' : isSuccess(response.status) ? 'diff/success-status-removed' : 'diff/error-status-removed',
        api: api.slug,
        endpoint: after.slug,
        status: response.status,
        message: deprecated
          ? `${label} no longer documents ${response.status}; its body was deprecated, so clients were warned`
          : isSuccess(response.status)
            ? `${label} no longer documents ${response.status}: clients that expect it get a status they do not handle`
            : `${label} no longer documents ${response.status}`,
        ...sourceOf(response.examples[0]),
      });
      continue;
    }
    diffStatus(response, now, label, api, after, normalise, findings);
  }
  for (const response of after.responses) {
    if (oldResponses.has(response.status)) continue;
    findings.push({
      ruleId: isSuccess(response.status) ? 'diff/success-status-added' : 'diff/error-status-added',
      api: api.slug,
      endpoint: after.slug,
      status: response.status,
      message: `${label} now documents ${response.status}${isSuccess(response.status) ? ': clients that accept only the old success statuses should be checked' : ''}`,
      ...sourceOf(response.examples[0]),
    });
  }
}

function diffStatus(
  before: Response,
  after: Response,
  label: string,
  api: Api,
  endpoint: Endpoint,
  normalise: (example: Example) => NormalisedSchema,
  findings: FindingDraft[],
): void {
  // the same schema texts in the same order: nothing to normalise or compare (most statuses)
  if (before.examples.length === after.examples.length && before.examples.every((e, i) => e.schemaText === after.examples[i]!.schemaText)) return;
  const old = statusSchema(before, normalise).status;
  const now = statusSchema(after, normalise).status;
  if (old.hash === now.hash) return; // equal up to key order: nothing to compare
  const pointers = { old: old.pointer.slice(1), new: now.pointer.slice(1) };
  for (const change of diffSchemas(old.schema, now.schema, pointers)) {
    const removal = change.kind.endsWith('-removed');
    findings.push({
      ruleId: `diff/${change.kind}`,
      api: api.slug,
      endpoint: endpoint.slug,
      status: after.status,
      pointer: change.pointer,
      message: `${label} › ${after.status}: ${change.message}`,
      ...(change.evidence ? { evidence: change.evidence } : {}),
      ...sourceOf((removal ? before : after).examples[0]),
    });
  }
}

/** A body schema marked `deprecated: true` at its root: the status (or, all of them, the endpoint) may go. */
function isDeprecated(schema: JsonSchema): boolean {
  if (typeof schema !== 'object') return false;
  if (schema.deprecated === true) return true;
  // distinct example schemas of one status sit in an anyOf: deprecated when every one is
  return Array.isArray(schema.anyOf) && schema.anyOf.length > 0 && (schema.anyOf as JsonSchema[]).every(isDeprecated);
}

function key(api: Api, endpoint: Endpoint): string {
  return `${api.id}/${endpoint.id}`;
}

function indexEndpoints(model: CatalogueModel): Map<string, { api: Api; endpoint: Endpoint }> {
  const map = new Map<string, { api: Api; endpoint: Endpoint }>();
  for (const api of model.apis) for (const endpoint of api.endpoints) map.set(key(api, endpoint), { api, endpoint });
  return map;
}

function sourceOf(example: Example | undefined): Pick<FindingDraft, 'source'> {
  return example ? { source: { ...example.source, rowId: example.rowId } } : {};
}
