import { isTwinError, type TwinErrorKind } from '../../../shared/api/errors';
import type { OpenedProject, Fingerprint } from '../../../shared/api/contract';
import { readProjectFile } from '../../services/project-files/read-project';
import { UsageError } from '../cli-types';

// Kinds meaning "this file could not be read" (exit 2) rather than "this file is wrong" (exit 1), as in `twin validate`.
const UNREADABLE: readonly TwinErrorKind[] = ['not-found', 'file-unreadable', 'file-too-large', 'newer-format'];

/** A failure that ends a command with an exit code and a message, without a usage text. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** Open the project a command names; an unreadable file exits 2, an invalid one 1, each with the app's message. */
export async function openProjectArg(file: string | undefined): Promise<OpenedProject & { path: string; fingerprint: Fingerprint }> {
  if (!file) throw new UsageError('Name the project file (PLANT.twin.json).');
  try {
    return await readProjectFile(file, { anyName: true });
  } catch (e) {
    if (!isTwinError(e)) throw e;
    throw new CommandFailure(e.message, UNREADABLE.includes(e.kind) ? 2 : 1);
  }
}
