#!/usr/bin/env node
// The repository's development entry point: runs the TypeScript sources through tsx (no build
// step), as the tests and scripts do. The package's `bin` is the compiled dist/cli/bin.js.
import { register } from 'tsx/esm/api';

register();
await import('./bin.ts');
