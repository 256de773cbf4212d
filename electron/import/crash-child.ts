/**
 * A program for the crash test (import-crash.test.ts): imports a file into a store and, at the
 * moment named on the command line, says so on stdout and hangs there so the test can kill -9 it.
 *   node crash-child.cjs STORE_DIR FILE staging|committing
 */
import { LocalStore } from '../sources/local/local-store';
import { importFile } from './import-file';

async function main(): Promise<void> {
  const [dir, file, moment] = process.argv.slice(2);
  if (!dir || !file || (moment !== 'staging' && moment !== 'committing')) throw new Error('usage: STORE_DIR FILE staging|committing');
  const hang = (what: string) => {
    process.stdout.write(`${what}\n`);
    // Block the thread (not just the event loop) so nothing else runs until the kill.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600_000);
  };
  const store = await LocalStore.open(dir, { hooks: { beforeCommit: () => (moment === 'committing' ? hang('committing') : undefined) } });
  let calls = 0;
  await importFile(store, file, {}, () => {
    if (moment === 'staging' && ++calls === 2) hang('staging');
  });
  process.stdout.write('finished\n');
  await store.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
