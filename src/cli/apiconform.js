#!/usr/bin/env node
// The published entry point: load the TypeScript sources through tsx (no build step, no dist/),
// then hand over to the CLI. Kept tiny so that `--help` starts fast.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
