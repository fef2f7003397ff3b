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
  /** Deadline of the whole Pact process (default 30 s + 5 ms per interaction; a run takes ~0.1 ms each). */
  timeoutMs?: number;
  /** The child that writes (default pact-writer-child.js; the tests run Pact's consumer DSL with the same job to compare). */
  writer?: URL;
}

/**
 * Writes one pact per contract through Pact's core library (in a child process, see
 * pact-process.ts) into `dir`, then returns each file's deterministic text by provider name.
 * The caller moves the texts into place; `dir` is scratch space.
 */
export async function writePacts(contracts: readonly ApiContract[], options: PactWriteOptions): Promise<Map<string, string>> {
  const withInteractions = contracts.filter((c) => c.interactions.length > 0);
  const total = withInteractions.reduce((n, c) => n + c.interactions.length, 0);
  const job = {
    consumer: options.consumer,
    dir: options.dir,
    contracts: withInteractions.map((contract) => ({ provider: contract.provider, interactions: contract.interactions.map(toJob) })),
  };
  await runPactProcess<null>(options.writer ?? CHILD, job, { timeoutMs: options.timeoutMs ?? 30_000 + total * 5 });

  const texts = new Map<string, string>();
  for (const contract of withInteractions) {
    const file = join(options.dir, `${options.consumer}-${contract.provider}.json`);
    const pact = JSON.parse(await readFile(file, 'utf8')) as PactDocument;
    texts.set(contract.provider, normalisePact(pact, contract.interactions.map((i) => i.description)));
  }
  return texts;
}

/** The interaction as plain data for the child: matchers already built with Pact's MatchersV3. */
export function toJob(interaction: ContractInteraction) {
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
