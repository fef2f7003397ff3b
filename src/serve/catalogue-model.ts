import { readCatalogue } from '../catalogue/index.ts';
import { buildModel } from '../model/index.ts';
import type { CatalogueModel } from '../model/types.ts';
import { inputError } from '../util/errors.ts';

export interface LoadedModel {
  model: CatalogueModel;
  /** Rows that could not be read or placed; they are left out of the model (see `build` for their findings). */
  skippedRows: number;
}

/** Catalogue file → endpoint model, for the commands that need the model but not generated/. */
export async function loadCatalogueModel(file: string, options: { strict?: boolean } = {}): Promise<LoadedModel> {
  const { rows, problems } = await readCatalogue(file, { strict: options.strict });
  const { model, problems: modelProblems } = buildModel(rows);
  if (options.strict && modelProblems[0]) throw inputError(modelProblems[0].message, modelProblems[0].source);
  return { model, skippedRows: problems.length + modelProblems.length };
}
