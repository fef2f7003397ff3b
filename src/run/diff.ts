import { resolve } from 'node:path';
import { catalogueFormat } from '../catalogue/index.ts';
import { gradeFindings } from '../config/index.ts';
import { rowProblemFinding } from '../build/findings.ts';
import { displayPath } from '../build/paths.ts';
import { diffCatalogues } from '../diff/index.ts';
import { compareFindings } from '../findings/types.ts';
import { loadCatalogueModel } from '../model/index.ts';
import { casesOf, catalogueSummary, type RunOptions, type RunResult } from './run.ts';

/**
 * `diff OLD NEW`: both catalogues → models → the changes a client of each API would notice, as
 * findings (breaking ones are errors). Bad rows of either catalogue are reported as in any run
 * and left out of the comparison. The reported catalogue is the new one.
 */
export async function runDiff(oldCatalogue: string, newCatalogue: string, options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const root = resolve(options.root ?? process.cwd());
  for (const file of [oldCatalogue, newCatalogue]) catalogueFormat(file); // a usage error before any reading
  const [oldLabel, newLabel] = [displayPath(oldCatalogue, root), displayPath(newCatalogue, root)];
  options.onPhase?.({ phase: 'read', detail: oldLabel });
  const before = await loadCatalogueModel(oldCatalogue, { strict: options.config.strict, label: oldLabel });
  options.onPhase?.({ phase: 'read', detail: newLabel });
  const after = await loadCatalogueModel(newCatalogue, { strict: options.config.strict, label: newLabel });
  options.onPhase?.({ phase: 'diff', detail: `${oldLabel} → ${newLabel}` });
  const findings = [...before.problems.map(rowProblemFinding), ...after.problems.map(rowProblemFinding), ...diffCatalogues(before.model, after.model)];
  return {
    command: 'diff',
    catalogue: catalogueSummary(after.model, newLabel, after.rows),
    cases: casesOf(after.model),
    findings: gradeFindings(findings, options.config.rules).sort(compareFindings),
    durationMs: performance.now() - started,
  };
}
