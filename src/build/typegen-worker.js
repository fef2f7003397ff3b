// Piscina worker for TypeScript generation: loads tsx (workers do not inherit the loader),
// then exposes the task from typegen-task.ts as the default export Piscina calls.
import { register } from 'tsx/esm/api';

register();
const task = await import('./typegen-task.ts');
export default task.default;
