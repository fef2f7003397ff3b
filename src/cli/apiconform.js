#!/usr/bin/env node
// The published entry point: load the TypeScript sources through tsx (no build step, no dist/),
// then hand over to the CLI. Kept tiny so that `--help` starts fast.
import { register } from 'tsx/esm/api';

register();
// `apiconform … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
