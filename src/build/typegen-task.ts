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

/** One distinct body schema → its declarations; runs in the main thread or in a worker. */
export default async function typegenTask({ schema, hasRefs }: TypegenJob): Promise<TypegenOutcome> {
  try {
    return { text: await compileBodyDeclarations(schema, { hasRefs }) };
  } catch (error) {
    return { text: `export type ${PLACEHOLDER} = unknown\n`, error: (error as Error).message.split('\n')[0] };
  }
}
