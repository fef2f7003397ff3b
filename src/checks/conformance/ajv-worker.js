// Worker thread for example conformance: compiles schemas with ajv and validates bodies, so the
// main thread's large heap is not where ajv's garbage is made. Workers do not inherit the tsx
// loader, so it is registered here before the TypeScript module is loaded.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { AjvRunner } = await import('./ajv-runner.ts');
const runner = new AjvRunner();

parentPort.on('message', ({ id, schema, bodies }) => {
  parentPort.postMessage({ id, result: runner.verdicts(schema, bodies), compiled: runner.compiled });
});
