import type { Finding } from '../../findings/types.ts';
import { checkProperties, type PropertyTarget } from './check.ts';

/** A batch of targets, the unit a worker thread receives (see parallel.ts). */
export default function checkBatch({ targets, numRuns, seed }: { targets: PropertyTarget[]; numRuns: number; seed: number }): Finding[] {
  return checkProperties(targets, { numRuns, seed });
}
