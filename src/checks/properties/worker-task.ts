import type { Finding } from '../../findings/types.ts';
import { checkProperties, type PropertyTarget } from './check.ts';
import { checkResponseTarget, type ResponseTarget, type TargetOutcome } from './response-check.ts';

/** A batch of targets, the unit a worker thread receives (see parallel.ts). */
export type WorkerJob =
  | { kind: 'responses'; targets: ResponseTarget[]; numRuns: number; seed: number }
  | { kind: 'self-check'; targets: PropertyTarget[]; numRuns: number; seed: number };

export default function checkBatch(job: WorkerJob): TargetOutcome[] | Finding[][] {
  if (job.kind === 'responses') return job.targets.map((target) => checkResponseTarget(target, job));
  return [checkProperties(job.targets, job)];
}
