// Worker thread for example conformance: compiles schemas with ajv and validates bodies, so the
// main thread's large heap is not where ajv's garbage is made. workerData.runner is the URL of
// ajv-runner (.ts in the repository, .js in the package); workers do not inherit the tsx
// loader, so it is registered here before a TypeScript module is loaded.
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.runner.endsWith('.ts')) (await import('tsx/esm/api')).register();
const { AjvRunner } = await import(workerData.runner);
const runner = new AjvRunner();

parentPort.on('message', ({ id, schema, bodies }) => {
  parentPort.postMessage({ id, result: runner.verdicts(schema, bodies), compiled: runner.compiled });
});
