import { runCli } from './run-cli';

// The entry of the `twin` command (bundled to dist-electron/cli.cjs). It runs whenever it is loaded, with no
// `require.main === module` test: bin/twin.cjs loads it with require(), and through `npm link` or npx the
// main module is the bin, not this file, so such a test would leave every command silently doing nothing.
// Tests import runCli from run-cli.ts instead, so nothing else ever loads this file.

// `twin catalog | head`: a closed pipe ends the output, it is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`twin: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
