// Piscina worker for the property checks: loads tsx (workers do not inherit the loader), then
// runs checkProperties on the batch of targets it is sent (see parallel.ts).
import { register } from 'tsx/esm/api';

register();
const { checkProperties } = await import('./check.ts');

export default function run({ targets, numRuns, seed }) {
  return checkProperties(targets, { numRuns, seed });
}
