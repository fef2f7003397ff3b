/** An RFC 9457 problem document, the body of every answer the mock gives about itself. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(status: number, kind: string, title: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return { type: `urn:apiconform:mock:${kind}`, title, status, detail, ...extensions };
}
