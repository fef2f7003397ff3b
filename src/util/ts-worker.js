// Worker threads do not inherit tsx's loader: this shim registers it, then loads the worker module
// named in workerData.module (a file URL of a .ts file).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
