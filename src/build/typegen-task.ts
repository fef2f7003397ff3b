import type { JsonSchema } from '../schemas/types.ts';
import { compileBodyDeclarations, PLACEHOLDER } from '../typegen/index.ts';

export interface TypegenOutcome {
  text: string;
  /** Why json-schema-to-typescript could not type the schema (it is then typed `unknown`). */
  error?: string;
}

export interface TypegenJob {
  schema: JsonSchema;
  hasRefs: boolean;
}

/** One distinct body schema → its declarations. */
export async function typegenJob({ schema, hasRefs }: TypegenJob): Promise<TypegenOutcome> {
  try {
    return { text: await compileBodyDeclarations(schema, { hasRefs }) };
  } catch (error) {
    return { text: `export type ${PLACEHOLDER} = unknown\n`, error: (error as Error).message.split('\n')[0] };
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
