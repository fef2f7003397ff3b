import type { StatusSchema, SchemaProblem } from '../schemas/index.ts';
import { compileBodyDeclarations, PLACEHOLDER } from '../typegen/index.ts';

/**
 * Compiles each distinct body schema (by content hash) to TypeScript once per run, however
 * many endpoints share it. A schema json-schema-to-typescript cannot handle is typed `unknown`
 * and reported, never silently.
 */
export class TypeCompiler {
  private readonly cache = new Map<string, Promise<{ text: string; error?: string }>>();

  async declarationsFor(statuses: readonly StatusSchema[], onProblem: (problem: SchemaProblem & { status: number }) => void): Promise<Map<number, string>> {
    const result = new Map<number, string>();
    for (const status of statuses) {
      const compiled = await this.compile(status);
      if (compiled.error) {
        onProblem({ ruleId: 'schema/invalid', pointer: '', status: status.status, message: `json-schema-to-typescript cannot type it (${compiled.error}); typed as unknown` });
      }
      result.set(status.status, compiled.text);
    }
    return result;
  }

  private compile(status: StatusSchema): Promise<{ text: string; error?: string }> {
    let pending = this.cache.get(status.hash);
    if (!pending) {
      pending = compileBodyDeclarations(status.schema).then(
        (text) => ({ text }),
        (error: unknown) => ({ text: `export type ${PLACEHOLDER} = unknown\n`, error: (error as Error).message.split('\n')[0] }),
      );
      this.cache.set(status.hash, pending);
    }
    return pending;
  }
}
