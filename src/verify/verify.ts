import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bindingsFromModel, loadBindings, type Bindings } from '../contracts/bindings.ts';
import { compareFindings, type Finding } from '../findings/types.ts';
import type { CatalogueModel } from '../model/types.ts';
import { loadCatalogueModel } from '../model/index.ts';
import { loadMutations, type Mutations } from '../serve/mutations.ts';
import { buildRoutes } from '../serve/routes.ts';
import { startMockServer, type MockServer } from '../serve/server.ts';
import { ApiconformError } from '../util/errors.ts';
import { verificationOutcome, type InteractionVerdict } from './mismatches.ts';
import { loadPacts } from './pact-sources.ts';
import { preparePacts } from './prepare.ts';
import { startRecordingProxy, type ProxyLogEntry, type RecordingProxy } from './recording-proxy.ts';
import { runVerifier, type VerifierJson } from './run-verifier.ts';
import { redactValue, redactor, type Redact } from '../util/secrets.ts';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface VerifyOptions {
  /** Catalogue file: the mock is built from it, and findings point back to its rows. */
  catalogue?: string;
  model?: CatalogueModel;
  /** Pact files or folders (default `contracts`). */
  pacts?: string[];
  /** A provider to verify instead of the mock (`--base-url`); bindings may give each API its own. */
  baseUrl?: string;
  /** Bindings file or parsed bindings (`--bindings`): real paths, per-API base URLs, headers from the environment. */
  bindings?: string | Bindings;
  /** Per request (default: bindings `defaults.timeoutMs`, else 10 s). */
  timeoutMs?: number;
  /** Which interactions to verify: default `all` for the mock protocol, `2xx` with bindings (a real provider). */
  statuses?: 'all' | '2xx';
  /** Drift for the mock this function starts (a mutate file or parsed mutations); ignored with a provider. */
  mutate?: string | Mutations;
  /** Where `${VAR}` in bindings headers is read from (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** One line per provider call: method, path (no query), status, time. Never a header value. */
  log?: (line: string) => void;
  strict?: boolean;
}

export interface VerifyResult {
  findings: Finding[];
  interactions: InteractionVerdict[];
  passed: number;
  failed: number;
  skipped: number;
  pending: number;
  /** `mock`: the mock provider this call started; `provider`: --base-url / bindings. */
  target: 'mock' | 'provider';
  durationMs: number;
}

/**
 * `apiconform verify`: Pact provider verification of the contracts, against the mock provider it
 * starts itself (every bundled contract must pass) or against a real provider (`baseUrl`,
 * `bindings`). Mismatches become `contract/*` findings. Secrets from the environment reach the
 * provider and nothing else: not the pact copies, not the verifier process, not findings, logs
 * or errors (all redacted as a second line of defence).
 */
export async function verifyContracts(options: VerifyOptions = {}): Promise<VerifyResult> {
  const started = performance.now();
  let redact: Redact = (text) => text;
  const scratch = await mkdtemp(join(tmpdir(), 'apiconform-verify-'));
  let mock: MockServer | undefined;
  let proxy: RecordingProxy | undefined;
  try {
    const model = options.model ?? (options.catalogue ? (await loadCatalogueModel(options.catalogue, { strict: options.strict })).model : undefined);
    // --base-url with an OpenAPI catalogue: its own methods and paths, no bindings file needed
    const bindings =
      (typeof options.bindings === 'string' ? await loadBindings(options.bindings) : options.bindings) ??
      (options.baseUrl && model ? bindingsFromModel(model, options.baseUrl.replace(/\/+$/, '')) : undefined);
    const pacts = await loadPacts(options.pacts ?? ['contracts']);
    const target = options.baseUrl || bindings ? 'provider' : 'mock';
    const timeoutMs = options.timeoutMs ?? bindings?.defaults.timeoutMs ?? DEFAULT_TIMEOUT_MS;

    let baseUrl = options.baseUrl?.replace(/\/+$/, '');
    if (target === 'mock') {
      if (!model) throw new ApiconformError('usage', 'verify against the mock provider needs the catalogue it is built from');
      const routes = buildRoutes(model);
      const mutations = typeof options.mutate === 'string' ? await loadMutations(options.mutate, routes) : options.mutate;
      mock = await startMockServer({ model, host: '127.0.0.1', port: 0, graceMs: 1000, ...(mutations ? { mutations } : {}) });
      baseUrl = mock.url;
    }

    const prepared = await preparePacts(pacts, {
      ...(model ? { model } : {}),
      ...(bindings ? { bindings } : {}),
      ...(baseUrl ? { baseUrl } : {}),
      statuses: options.statuses ?? (bindings ? '2xx' : 'all'),
      mock: target === 'mock',
      env: options.env ?? process.env,
      dir: scratch,
    });
    redact = redactor(prepared.secrets);
    const log = options.log;
    proxy = await startRecordingProxy(prepared.plan, { timeoutMs, ...(log ? { log: (entry) => log(redact(formatProxyLog(entry))) } : {}) });

    let json: VerifierJson | undefined;
    if (prepared.files.length > 0) {
      const verified = prepared.plan.filter((p) => !p.skipped).length;
      json = await runVerifier({
        pactFiles: prepared.files,
        providerBaseUrl: proxy.url,
        // The proxy answers (504) at timeoutMs; the verifier's own limit is only a backstop.
        timeoutMs: timeoutMs + 5_000,
        deadlineMs: 60_000 + verified * (timeoutMs + 2_000),
        redact,
      });
    }
    // bodies redacted before the findings cut them into snippets (a cut secret is not recognisable)
    const recordings = new Map([...proxy.recordings].map(([id, recording]) => [id, recording.body === undefined ? recording : { ...recording, body: redact(recording.body) }]));
    const outcome = verificationOutcome(prepared.plan, json, recordings);
    const findings = redactValue(outcome.findings, redact).sort(compareFindings);
    const count = (verdict: InteractionVerdict['verdict']) => outcome.verdicts.filter((v) => v.verdict === verdict).length;
    return {
      findings,
      interactions: outcome.verdicts,
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      pending: count('pending'),
      target,
      durationMs: performance.now() - started,
    };
  } catch (error) {
    throw redactError(error, redact);
  } finally {
    await proxy?.close();
    await mock?.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** `#12 GET /hlr/v1/lookup 200 84ms` */
export function formatProxyLog(entry: ProxyLogEntry): string {
  const outcome = entry.failure ?? String(entry.status);
  return `#${entry.id} ${entry.method} ${entry.path} ${outcome} ${Math.round(entry.durationMs)}ms`;
}

function redactError(error: unknown, redact: Redact): unknown {
  if (error instanceof ApiconformError) {
    const message = redact(error.message);
    return message === error.message ? error : new ApiconformError(error.kind, message, error.context);
  }
  if (error instanceof Error) {
    const message = redact(error.message);
    if (message === error.message) return error;
    const copy = new Error(message);
    copy.name = error.name;
    return copy;
  }
  return error;
}


