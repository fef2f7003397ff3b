import { readFile } from 'node:fs/promises';
import { inputError } from '../util/errors.ts';
import { sortKeysDeep } from '../util/canonical-json.ts';

/** The parts of a Pact V4 file apiconform reads back (for verification and post-processing). */
export interface PactDocument {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface PactInteraction {
  description: string;
  type?: string;
  pending?: boolean;
  providerStates?: Array<{ name: string; params?: Record<string, unknown> }>;
  comments?: { text?: string[]; references?: Record<string, Record<string, string>> };
  request: {
    method: string;
    path: string;
    query?: Record<string, string[]>;
    headers?: Record<string, string[]>;
    body?: { content?: unknown; contentType?: string; encoded?: unknown };
    [key: string]: unknown;
  };
  response: {
    status: number;
    headers?: Record<string, string[]>;
    body?: { content?: unknown; contentType?: string };
    matchingRules?: unknown;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * Makes a pact file Pact wrote deterministic: interactions in catalogue order (the order Pact
 * received them in is the order of the requests, which run concurrently), keys sorted, and
 * nothing that depends on when or where it was written. Pact V4 files carry no timestamps; the
 * metadata (specification and library versions) is stable for a given lockfile and is kept.
 */
export function normalisePact(pact: PactDocument, order: readonly string[]): string {
  const rank = new Map(order.map((description, index) => [description, index]));
  const unknown = pact.interactions.filter((i) => !rank.has(i.description));
  if (unknown.length > 0) throw new Error(`internal: Pact wrote interactions apiconform did not ask for: ${unknown.map((i) => i.description).join(', ')}`);
  if (pact.interactions.length !== order.length) {
    throw new Error(`internal: Pact wrote ${pact.interactions.length} interactions for ${pact.provider.name}, expected ${order.length}`);
  }
  const interactions = [...pact.interactions].sort((a, b) => rank.get(a.description)! - rank.get(b.description)!);
  return `${JSON.stringify(sortKeysDeep({ ...pact, interactions }), null, 2)}\n`;
}

export async function readPact(file: string): Promise<PactDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw inputError(`cannot read pact file: ${(error as Error).message}`, { file });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw inputError(`pact file is not JSON: ${(error as Error).message}`, { file });
  }
  if (!isPact(value)) throw inputError('not a Pact file (needs consumer.name, provider.name and an interactions array)', { file });
  return value;
}

function isPact(value: unknown): value is PactDocument {
  if (value === null || typeof value !== 'object') return false;
  const pact = value as Partial<PactDocument>;
  return typeof pact.consumer?.name === 'string' && typeof pact.provider?.name === 'string' && Array.isArray(pact.interactions);
}

/** The catalogue row an interaction was made from (apiconform writes it as a reference). */
export function rowIdOf(interaction: PactInteraction): string | undefined {
  return interaction.comments?.references?.catalogue?.rowId;
}
