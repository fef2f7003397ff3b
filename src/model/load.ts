import { readCatalogue, type RowProblem } from '../catalogue/index.ts';
import { inputError } from '../util/errors.ts';
import { buildModel } from './build-model.ts';
import type { CatalogueModel } from './types.ts';

export interface LoadedModel {
  model: CatalogueModel;
  /** Rows in the catalogue, read or not. */
  rows: number;
  /** Rows that could not be read or placed; they are left out of the model. */
  problems: RowProblem[];
  skippedRows: number;
}

/**
 * Catalogue file → endpoint model, for every command that needs the model but not generated/.
 * `label` names the file in source locations (project-relative, so findings carry no machine paths).
 */
export async function loadCatalogueModel(file: string, options: { strict?: boolean; label?: string } = {}): Promise<LoadedModel> {
  const { rows, problems } = await readCatalogue(file, { strict: options.strict, label: options.label });
  const { model, problems: modelProblems } = buildModel(rows);
  if (options.strict && modelProblems[0]) throw inputError(modelProblems[0].message, modelProblems[0].source);
  const all = [...problems, ...modelProblems];
  return { model, rows: rows.length + problems.length, problems: all, skippedRows: all.length };
}
