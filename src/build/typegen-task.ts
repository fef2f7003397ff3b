import type { JsonSchema } from '../schemas/types.ts';
import { compileBodyDeclarations, PLACEHOLDER } from '../typegen/index.ts';

export interface TypegenOutcome {
  text: string;
  /** Why json-schema-to-typescript could not type the schema (it is then typed `unknown`). */
  error?: string;
}

export interface TypegenJob {
  /**
   * The body schema, or its JSON text. A worker is sent the text: parsing it gives the worker a
   * private tree it may prepare in place (a structured clone of a batch would share the nodes
   * that several schemas share, and json-schema-to-typescript marks every node it is given),
   * and JSON.stringify + JSON.parse cost less than the structured clone.
   */
  schema: JsonSchema | string;
  hasRefs: boolean;
}

/** One distinct body schema → its declarations. */
export async function typegenJob({ schema, hasRefs }: TypegenJob): Promise<TypegenOutcome> {
  try {
    const text =
      typeof schema === 'string'
        ? await compileBodyDeclarations(JSON.parse(schema) as JsonSchema, { hasRefs, owned: new Set() })
        : await compileBodyDeclarations(schema, { hasRefs });
    return { text };
  } catch (error) {
    // json-schema-to-typescript's ValidationError has no message (it prints the reasons itself)
    const reason = (error as Error).message.split('\n')[0] || (error as Error).constructor.name;
    return { text: `export type ${PLACEHOLDER} = unknown\n`, error: reason };
  }
}

/**
 * A batch of jobs, the unit a worker thread receives: one message per batch instead of one per
 * schema keeps the pool's messaging cost (structured clone, wake-ups) off the critical path.
 */
export default async function typegenBatch(jobs: TypegenJob[]): Promise<TypegenOutcome[]> {
  const outcomes: TypegenOutcome[] = [];
  for (const job of jobs) outcomes.push(await typegenJob(job));
  return outcomes;
}
