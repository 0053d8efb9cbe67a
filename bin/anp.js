#!/usr/bin/env node
// A thin shim: everything lives in the compiled CLI (src/cli/main.ts), which sets the exit code.
let cli;
try {
  cli = await import('../dist/src/cli/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli/main.js')) {
    process.stderr.write('anp: the compiled CLI (dist/) is missing; run `npm run build` first\n');
  } else {
    process.stderr.write(`anp: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(2);
}

cli.main(process.argv).catch((error) => {
  // main() reports its own errors; this is the last resort for a bug in that reporting.
  process.stderr.write(`anp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
