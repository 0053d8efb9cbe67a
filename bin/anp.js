#!/usr/bin/env node
// A thin shim: everything lives in the compiled CLI.
import { main } from '../dist/src/cli/main.js';

main(process.argv).catch((error) => {
  process.stderr.write(`anp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
