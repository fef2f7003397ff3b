// The file every Piscina pool of apiconform runs: worker threads do not inherit tsx's loader, so
// it is registered here, then the task (the default export) of the TypeScript module named in
// the pool's workerData.module is loaded and handed to Piscina.
import { register } from 'tsx/esm/api';
import { workerData } from 'piscina';

register();
// json-schema-to-typescript reads process.env.VERBOSE on every log call (about a million per
// full-size build); a worker's process.env is a slow accessor object, a plain copy is not.
process.env = { ...process.env };
const { default: task } = await import(workerData.module);
export default task;
