export { runAll, runChecksCommand, reportInputFor, reportDir, casesOf, CACHE_DIR, type RunCommand, type RunOptions, type RunPhase, type RunResult } from './run.ts';
export { runDiff, catalogueSource, baseSource, type CatalogueSource, type DiffFilter } from './diff.ts';
export { runDrift, type DriftRunOptions } from './drift.ts';
export { applyAcceptance } from './accept.ts';
