import { loadCatalogueModel } from '../model/index.ts';
import { loadMutations } from './mutations.ts';
import { buildRoutes } from './routes.ts';
import { startMockServer, type MockServer, type MockServerOptions } from './server.ts';

export interface ServeOptions extends Omit<MockServerOptions, 'model' | 'mutations'> {
  catalogue: string;
  /** A mutate file (YAML or JSON) making the mock drift on purpose. */
  mutate?: string;
  strict?: boolean;
}

export interface ServeResult extends MockServer {
  skippedRows: number;
}

/** `apiconform serve`: catalogue (+ mutate file) → a running mock provider. */
export async function serve(options: ServeOptions): Promise<ServeResult> {
  const { model, skippedRows } = await loadCatalogueModel(options.catalogue, { strict: options.strict });
  const mutations = options.mutate ? await loadMutations(options.mutate, buildRoutes(model)) : undefined;
  const { catalogue: _catalogue, mutate: _mutate, strict: _strict, ...rest } = options;
  const server = await startMockServer({ ...rest, model, ...(mutations ? { mutations } : {}) });
  return { ...server, skippedRows };
}
