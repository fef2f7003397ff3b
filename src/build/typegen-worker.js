// Piscina worker for TypeScript generation: loads tsx (workers do not inherit the loader),
// then exposes the task from typegen-task.ts as the default export Piscina calls.
import { register } from 'tsx/esm/api';

register();
// json-schema-to-typescript reads process.env.VERBOSE on every log call (about a million per
// full-size build); a worker's process.env is a slow accessor object, a plain copy is not.
process.env = { ...process.env };
const task = await import('./typegen-task.ts');
export default task.default;
