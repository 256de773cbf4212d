// Child process for the kill test: saves ever newer revisions of a project until it is killed.
// Prints "saved N" after each save returns, so the parent knows the newest revision that must survive.
import { readProjectFile } from '../read-project';
import { saveProjectFile } from '../save-project';
import { revisionDocument, revisionOf } from './revision-document';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: save-loop-child FILE');
  const opened = await readProjectFile(file);
  let fingerprint = opened.fingerprint;
  let rev = revisionOf(opened.document);
  process.stdout.write(`ready ${rev}\n`);
  for (;;) {
    rev++;
    fingerprint = (await saveProjectFile(file, revisionDocument(rev), fingerprint)).fingerprint;
    process.stdout.write(`saved ${rev}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
