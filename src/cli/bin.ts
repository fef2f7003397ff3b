#!/usr/bin/env node
// The installed command (`bin`, compiled to dist/cli/bin.js): no TypeScript loader. Kept tiny so
// that `--version` and `--help` start fast; the commands import their stages when they run.
import { VERSION } from '../version.ts';

// `apiconform … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // What CI scripts call first: answered before the CLI (commander, config, rules) is loaded.
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./main.ts');
  process.exitCode = await main(args);
}
