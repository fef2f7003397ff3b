import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MatchersV3 } from '@pact-foundation/pact';
import type { ApiContract, ContractInteraction } from './interactions.ts';
import { toPact } from './to-pact.ts';
import { normalisePact, type PactDocument } from './pact-file.ts';
import { runPactProcess } from './pact-process.ts';

/** JSON, and problem+json, with or without parameters: what a JSON API may answer with. */
export const JSON_CONTENT_TYPE_REGEX = 'application/(.+\\+)?json(\\s*;.*)?';

const CHILD = new URL('./pact-writer-child.js', import.meta.url);

export interface PactWriteOptions {
  consumer: string;
  /** A private, empty folder: Pact writes (and merges) its files there. */
  dir: string;
  /** Deadline of the whole Pact process (default 30 s + 50 ms per interaction; a run takes ~5 ms each). */
  timeoutMs?: number;
}

/**
 * Writes one pact per contract through Pact's consumer API (in a child process, see
 * pact-process.ts) into `dir`, then returns each file's deterministic text by provider name.
 * The caller moves the texts into place; `dir` is scratch space.
 */
export async function writePacts(contracts: readonly ApiContract[], options: PactWriteOptions): Promise<Map<string, string>> {
  const withInteractions = contracts.filter((c) => c.interactions.length > 0);
  const total = withInteractions.reduce((n, c) => n + c.interactions.length, 0);
  const job = {
    consumer: options.consumer,
    dir: options.dir,
    contracts: withInteractions.map((contract) => ({ provider: contract.provider, chunks: chunks(contract.interactions).map((chunk) => chunk.map(toJob)) })),
  };
  await runPactProcess<null>(CHILD, job, { timeoutMs: options.timeoutMs ?? 30_000 + total * 50 });

  const texts = new Map<string, string>();
  for (const contract of withInteractions) {
    const file = join(options.dir, `${options.consumer}-${contract.provider}.json`);
    const pact = JSON.parse(await readFile(file, 'utf8')) as PactDocument;
    texts.set(contract.provider, normalisePact(pact, contract.interactions.map((i) => i.description)));
  }
  return texts;
}

/** The interaction as plain data for the child: matchers already built with Pact's MatchersV3. */
function toJob(interaction: ContractInteraction) {
  return {
    description: interaction.description,
    state: interaction.providerState,
    comment: interaction.comment,
    references: [
      ['catalogue', 'rowId', interaction.rowId],
      ['catalogue', 'schema', interaction.schemaRef],
    ],
    pending: interaction.pending,
    request: interaction.request,
    response: {
      status: interaction.response.status,
      headers: { 'Content-Type': MatchersV3.regex(JSON_CONTENT_TYPE_REGEX, 'application/json') },
      body: toPact(interaction.response.body),
    },
  };
}

/**
 * Splits a contract's interactions into chunks of at most CHUNK_SIZE, no two of which send the
 * same request (two endpoints bound to one path): one Pact mock server per chunk. The mock server
 * compares each request with every interaction it holds, so one server for a whole API grows
 * with the square of its size (200 interactions: ~20 s in one server, ~0.7 s in chunks of 8),
 * and two equal requests in one server would be ambiguous. Pact merges the chunks into one file.
 */
export const CHUNK_SIZE = 8;

function chunks(interactions: readonly ContractInteraction[]): ContractInteraction[][] {
  const out: Array<{ items: ContractInteraction[]; keys: Set<string> }> = [];
  for (const interaction of interactions) {
    const key = JSON.stringify([interaction.request.method, interaction.request.path, interaction.request.query, interaction.request.headers, interaction.request.body]);
    let chunk = out.find((c) => c.items.length < CHUNK_SIZE && !c.keys.has(key));
    if (!chunk) out.push((chunk = { items: [], keys: new Set() }));
    chunk.items.push(interaction);
    chunk.keys.add(key);
  }
  return out.map((c) => c.items);
}
