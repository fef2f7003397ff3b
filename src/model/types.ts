import type { EndpointHttp, SourceLocation } from '../catalogue/types.ts';

/**
 * The normalised endpoint model every later stage reads: APIs → endpoints → responses (one per
 * status) → examples (one per catalogue row). Ordered deterministically: APIs and endpoints by
 * slug, responses by status, examples by their (response, example) index.
 */
export interface CatalogueModel {
  apis: Api[];
}

export interface Api {
  id: string;
  name: string;
  /** Folder name under generated/schemas and generated/types; unique among APIs. */
  slug: string;
  /** TypeScript namespace in generated/types/index.ts; unique among APIs. */
  typeName: string;
  description: string;
  score: number | null;
  endpoints: Endpoint[];
}

export interface Endpoint {
  id: string;
  apiId: string;
  apiSlug: string;
  name: string;
  /** File name (without extension); unique within the API. */
  slug: string;
  /** Prefix of the endpoint's TypeScript types (`SendViberMessage` → `SendViberMessageResponse402`). */
  typeName: string;
  description: string;
  responses: Response[];
  /** Method, path and server, when the catalogue is an OpenAPI document (a CSV catalogue has none). */
  http?: EndpointHttp;
}

export interface Response {
  status: number;
  examples: Example[];
}

export interface Example {
  rowId: string;
  responseIndex: number;
  exampleIndex: number;
  /** The example's label (`Success Response`, `Validation Error`, `Error`…), or null. */
  summary: string | null;
  body: unknown;
  bodyText: string;
  /** The schema exactly as the catalogue gives it for this example (not yet normalised). */
  schema: unknown;
  schemaText: string;
  source: SourceLocation;
  /** The body was generated from the schema with a fixed seed: the source had no example. */
  generated?: boolean;
}
