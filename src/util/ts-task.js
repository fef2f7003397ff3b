// The file every Piscina pool of apiconform runs: the task (the default export) of the module
// named in the pool's workerData.module is loaded and handed to Piscina. Worker threads do not
// inherit tsx's loader, so when that module is TypeScript (the repository running its sources)
// tsx is registered here first; the package's compiled modules need no loader.
import { workerData } from 'piscina';

if (workerData.module.endsWith('.ts')) (await import('tsx/esm/api')).register();
// json-schema-to-typescript reads process.env.VERBOSE on every log call (about a million per
// full-size build); a worker's process.env is a slow accessor object, a plain copy is not.
process.env = { ...process.env };
const { default: task } = await import(workerData.module);
export default task;
