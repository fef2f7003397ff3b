import * as fc from 'fast-check';
import { arbitraryFromSchema } from '../arbitraries/index.ts';
import type { JsonSchema } from '../schemas/index.ts';

/**
 * `Prefer: dynamic=true`: one value valid against the example's schema, drawn by fast-check from
 * the schema's arbitrary with a seed derived from `--seed` and the route, so the same request
 * always gets the same body. Throws `SchemaGenerationError` for a schema no value satisfies; the
 * server turns that into a 500 problem naming the keyword.
 */
export function defaultDynamicBody(schema: JsonSchema, seed: number): unknown {
  const [value] = fc.sample(arbitraryFromSchema(schema), { seed, numRuns: 1 });
  return value;
}
