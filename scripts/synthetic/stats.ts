/**
 * Figures of a catalogue, measured from its records alone (not from what the generator meant to
 * make), so they can check the generator: rows, APIs, endpoints, endpoint×status pairs, distinct
 * schemas (as text, and up to key order), largest body and schema.
 */
import { canonicalJson } from '../../src/util/canonical-json.ts';
import { contentHash } from '../../src/util/hash.ts';
import type { CatalogueRecord } from './seed.ts';

export interface CatalogueStats {
  rows: number;
  apis: number;
  endpoints: number;
  endpointStatuses: number;
  distinctSchemaTexts: number;
  distinctCanonicalSchemas: number;
  /** Share of rows whose schema text was already seen in an earlier row. */
  repeatedSchemaShare: number;
  maxBodyChars: number;
  maxSchemaChars: number;
  /** Rows whose body is at least 1,000 / 10,000 characters (the size distribution's tail). */
  bodiesOver1k: number;
  bodiesOver10k: number;
  /** [status, rows], most common first. */
  statuses: Array<[number, number]>;
  nullScores: number;
  nullSummaries: number;
  emptyEndpointDescriptions: number;
}

export class StatsCollector {
  private rows = 0;
  private readonly apis = new Set<string>();
  private readonly endpoints = new Set<string>();
  private readonly endpointStatuses = new Set<string>();
  private readonly texts = new Set<string>();
  private readonly canonical = new Set<string>();
  private maxBody = 0;
  private maxSchema = 0;
  private over1k = 0;
  private over10k = 0;
  private readonly statuses = new Map<number, number>();
  private nullScores = 0;
  private nullSummaries = 0;
  private emptyDescriptions = 0;

  add(record: CatalogueRecord): void {
    this.rows++;
    const [api, endpoint] = record.id.split('/');
    this.apis.add(api!);
    this.endpoints.add(endpoint!);
    this.endpointStatuses.add(`${endpoint}/${record.response_status_code}`);
    const textHash = contentHash(record.response_json_schema);
    if (!this.texts.has(textHash)) {
      this.texts.add(textHash);
      this.canonical.add(contentHash(canonicalJson(JSON.parse(record.response_json_schema))));
    }
    this.maxBody = Math.max(this.maxBody, record.response_json.length);
    this.maxSchema = Math.max(this.maxSchema, record.response_json_schema.length);
    if (record.response_json.length >= 1_000) this.over1k++;
    if (record.response_json.length >= 10_000) this.over10k++;
    this.statuses.set(record.response_status_code, (this.statuses.get(record.response_status_code) ?? 0) + 1);
    if (record.api_score === null) this.nullScores++;
    if (record.response_summary === null) this.nullSummaries++;
    if (record.endpoint_description === '') this.emptyDescriptions++;
  }

  result(): CatalogueStats {
    return {
      rows: this.rows,
      apis: this.apis.size,
      endpoints: this.endpoints.size,
      endpointStatuses: this.endpointStatuses.size,
      distinctSchemaTexts: this.texts.size,
      distinctCanonicalSchemas: this.canonical.size,
      repeatedSchemaShare: this.rows === 0 ? 0 : 1 - this.texts.size / this.rows,
      maxBodyChars: this.maxBody,
      maxSchemaChars: this.maxSchema,
      bodiesOver1k: this.over1k,
      bodiesOver10k: this.over10k,
      statuses: [...this.statuses].sort((a, b) => b[1] - a[1] || a[0] - b[0]),
      nullScores: this.nullScores,
      nullSummaries: this.nullSummaries,
      emptyEndpointDescriptions: this.emptyDescriptions,
    };
  }
}
