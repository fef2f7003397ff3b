/** One ajv error, as much of it as findings and the verdict cache need. */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  propertyName?: string;
}

/** ajv's verdict on one body: valid, or its errors (allErrors). */
export type Verdict = { valid: true } | { valid: false; errors: AjvError[] };

/** ajv could not compile the schema (or crashed validating against it): no verdicts exist. */
export interface CompileFailure {
  compileError: string;
}

export type CompileOutcome = { ok: true } | { ok: false; error: string };
