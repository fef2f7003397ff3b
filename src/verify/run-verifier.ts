import { runPactProcess } from '../contracts/pact-process.ts';

const CHILD = new URL('./verifier-child.js', import.meta.url);

export interface VerifierRun {
  pactFiles: string[];
  providerBaseUrl: string;
  /** Per request, as the Pact verifier enforces it. */
  timeoutMs: number;
  /** Kill the verifier after this long, whatever it is doing. */
  deadlineMs: number;
  redact?: (text: string) => string;
}

/** The Pact verifier's own result document (pact_ffi `pactffi_verifier_json`), the parts read here. */
export interface VerifierJson {
  result: boolean;
  errors?: VerifierError[];
  pendingErrors?: VerifierError[];
  interactionResults?: Array<{ description: string; duration?: string; result: string }>;
}

export interface VerifierError {
  interaction: string;
  mismatch: { type: 'mismatches'; mismatches: PactMismatch[] } | { type: 'error'; message: string };
}

export interface PactMismatch {
  type: string;
  mismatch: string;
  path?: string;
  key?: string;
  expected?: unknown;
  actual?: unknown;
}

/** Runs Pact's Verifier over `pactFiles` against `providerBaseUrl` in a child process. */
export async function runVerifier(run: VerifierRun): Promise<VerifierJson> {
  const reply = await runPactProcess<{ json: string }>(
    CHILD,
    { pactUrls: run.pactFiles, providerBaseUrl: run.providerBaseUrl, timeoutMs: run.timeoutMs },
    { timeoutMs: run.deadlineMs, ...(run.redact ? { redact: run.redact } : {}) },
  );
  try {
    return JSON.parse(reply.json) as VerifierJson;
  } catch (error) {
    throw new Error(`internal: the Pact verifier's result is not JSON: ${(error as Error).message}`);
  }
}
