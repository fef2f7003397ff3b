import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Finding } from '../findings/types.ts';
import { compareFindings } from '../findings/types.ts';
import type { CatalogueModel } from '../model/types.ts';
import { loadCatalogueModel } from '../model/index.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { contractSeverity } from '../verify/rules/index.ts';
import { bindingsFromModel, loadBindings, type Bindings } from './bindings.ts';
import { contractsFor, type ApiContract } from './interactions.ts';
import { toJob, writePacts } from './pact-writer.ts';
import { KeyedCache } from '../util/keyed-cache.ts';
import { codeFingerprint } from '../util/code-fingerprint.ts';
import { contentHash, fileHash } from '../util/hash.ts';

export const DEFAULT_CONSUMER = 'apiconform';

export interface WriteContractsOptions {
  /** Catalogue file; ignored when `model` is given. */
  catalogue?: string;
  model?: CatalogueModel;
  /** Output folder (default `contracts`). */
  out: string;
  /** Bindings file or parsed bindings: requests use the real method/path instead of the mock route. */
  bindings?: string | Bindings;
  consumer?: string;
  strict?: boolean;
  /**
   * Where to remember which pact file each contract produced (a folder of caches): a contract
   * whose interactions, consumer and code are unchanged, and whose file is still the one written,
   * is not written again. Without it every pact is written.
   */
  cacheDir?: string;
}

export interface WriteContractsResult {
  /** Pact files written, relative to `out`, sorted. */
  files: string[];
  /** The sha256 of each file of `files` as it now is (so that readers need not read them again). */
  fileHashes: Map<string, string>;
  /** How many of `files` were (re)written; the others were already up to date. */
  written: number;
  /** Stale pact files of this consumer removed from `out` (APIs no longer in the catalogue). */
  removed: string[];
  apis: number;
  interactions: number;
  /** Interactions marked pending (a status HTTP cannot carry with a body). */
  pending: number;
  /** `contract/weak-matcher` (info) and `contract/unservable-status` (warning). */
  findings: Finding[];
  /** The contracts written, as data (the property checks test their matching rules). */
  contracts: ApiContract[];
  durationMs: number;
}

/**
 * `apiconform contracts`: one Pact V4 file per API in `out`, named `<consumer>-<api slug>.json`.
 *
 * Pact writes (and merges into) files in a folder of its choosing, which makes parallel runs
 * clobber each other and half-written files possible. So Pact writes into a private temporary
 * folder; each file is then made deterministic (pact-file.ts) and moved into `out` atomically,
 * only after every pact of the run was written: a failed run leaves the previous files intact,
 * and two runs at once each replace whole files, never mix them.
 */
export async function writeContracts(options: WriteContractsOptions): Promise<WriteContractsResult> {
  const started = performance.now();
  const consumer = options.consumer ?? DEFAULT_CONSUMER;
  const model = options.model ?? (await loadCatalogueModel(requireCatalogue(options.catalogue), { strict: options.strict })).model;
  // without a bindings file, an OpenAPI catalogue's own methods and paths are the requests
  const bindings = (typeof options.bindings === 'string' ? await loadBindings(options.bindings) : options.bindings) ?? bindingsFromModel(model);
  const contracts = contractsFor(model, bindings ? { bindings } : {});
  const out = resolve(options.out);

  // Contracts whose pact file is already what they would write are left alone.
  const cache = options.cacheDir ? KeyedCache.open<string>(options.cacheDir, PACTS_CACHE_FILE, `pacts-v1 ${codeFingerprint()}`) : undefined;
  const jobKey = (contract: ApiContract) => contentHash(`${out}\u0000${consumer}\u0000${JSON.stringify(contract.interactions.map(toJob))}`);
  const files: string[] = [];
  const fileHashes = new Map<string, string>();
  const todo: Array<{ contract: ApiContract; key: string | undefined }> = [];
  for (const contract of contracts) {
    if (contract.interactions.length === 0) continue;
    const key = cache ? jobKey(contract) : undefined;
    const written = key === undefined ? undefined : cache!.get(key);
    const name = pactFileName(consumer, contract.provider);
    if (written !== undefined && (await currentHash(join(out, name))) === written) {
      files.push(name);
      fileHashes.set(name, written);
    } else todo.push({ contract, key });
  }

  const scratch = await mkdtemp(join(tmpdir(), 'apiconform-contracts-'));
  let texts: Map<string, string>;
  try {
    texts = todo.length > 0 ? await writePacts(todo.map((t) => t.contract), { consumer, dir: scratch }) : new Map();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  for (const { contract, key } of todo) {
    const text = texts.get(contract.provider);
    if (text === undefined) continue;
    const name = pactFileName(consumer, contract.provider);
    await writeFileAtomic(join(out, name), text);
    fileHashes.set(name, fileHash(text));
    if (key !== undefined) cache!.set(key, fileHashes.get(name)!);
    files.push(name);
  }
  await cache?.save();
  const removed = await removeStale(out, consumer, new Set(files));
  const interactions = contracts.flatMap((c) => c.interactions);
  return {
    files: files.sort(),
    written: todo.length,
    fileHashes,
    removed,
    apis: files.length,
    interactions: interactions.length,
    pending: interactions.filter((i) => i.pending).length,
    findings: contractFindings(contracts),
    contracts,
    durationMs: performance.now() - started,
  };
}

export const pactFileName = (consumer: string, provider: string) => `${consumer}-${provider}.json`;

/** What contract generation has to say about the catalogue: weak matchers and unservable statuses. */
export function contractFindings(contracts: readonly ApiContract[]): Finding[] {
  const findings: Finding[] = [];
  for (const contract of contracts) {
    for (const interaction of contract.interactions) {
      const where = {
        api: interaction.api,
        endpoint: interaction.endpoint,
        status: interaction.status,
        example: interaction.example,
        source: { file: interaction.source.file, line: interaction.source.line, rowId: interaction.rowId },
      };
      if (interaction.pending) {
        findings.push({
          ...where,
          ruleId: 'contract/unservable-status',
          severity: contractSeverity('contract/unservable-status'),
          message: `${interaction.description}: status ${interaction.status} cannot be the final status of an HTTP response with a body; the interaction is pending in the contract`,
        });
      }
      for (const note of interaction.notes) {
        findings.push({
          ...where,
          ruleId: 'contract/weak-matcher',
          severity: contractSeverity('contract/weak-matcher'),
          pointer: note.pointer,
          message: `${interaction.description} at ${note.pointer || '/'}: ${note.message}`,
        });
      }
    }
  }
  return findings.sort(compareFindings);
}

export const PACTS_CACHE_FILE = 'pacts.json';

/** The sha256 of a file, or undefined when it cannot be read. */
async function currentHash(file: string): Promise<string | undefined> {
  try {
    return fileHash(await readFile(file));
  } catch {
    return undefined; // missing (or unreadable): written again
  }
}

/** Pact files of this consumer for providers the catalogue no longer has (only files apiconform wrote). */
async function removeStale(out: string, consumer: string, keep: ReadonlySet<string>): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    if (keep.has(name) || !name.startsWith(`${consumer}-`) || !name.endsWith('.json')) continue;
    let ours = false;
    try {
      const pact = JSON.parse(await readFile(join(out, name), 'utf8')) as { consumer?: { name?: unknown } };
      ours = pact.consumer?.name === consumer;
    } catch {
      ours = false; // not a pact we can read: not ours to delete
    }
    if (!ours) continue;
    await rm(join(out, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function requireCatalogue(catalogue: string | undefined): string {
  if (!catalogue) throw new Error('internal: writeContracts needs a catalogue file or a model');
  return catalogue;
}
