/**
 * Opening the database file: one LocalStore per file in this process (DuckDB would happily open
 * a second instance on the same file and the two would corrupt it), and a readable error when
 * another process holds DuckDB's file lock.
 */
import { twinError, type TwinError } from '../../../shared/api/errors';

const openFiles = new Set<string>();

/** Claim a file for this process; throws `conflict` when a LocalStore here already has it open. */
export function claimFile(file: string): void {
  if (openFiles.has(file)) {
    throw twinError('conflict', `The local store ${file} is already open in this program. Close the other use of it first.`, { where: file });
  }
  openFiles.add(file);
}

export function releaseFile(file: string): void {
  openFiles.delete(file);
}

/** Turn DuckDB's open errors into errors that say what the user can do. */
export function openError(e: unknown, file: string): TwinError {
  const message = e instanceof Error ? e.message : String(e);
  const lock = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(message);
  if (lock || /Could not set lock/.test(message)) {
    const who = lock ? `${lock[1]} (process ${lock[2]})` : 'another program';
    return twinError(
      'conflict',
      `The local store ${file} is in use by ${who}. Close the other Twin Studio window or "twin" command using this data folder, then try again.`,
      { where: file },
    );
  }
  if (/not a valid DuckDB database|Unable to read|Corrupt|checksum/i.test(message)) {
    return twinError(
      'file-invalid',
      `The local store ${file} cannot be read (${message}). Move the file aside to start a fresh store; imported data would then need importing again.`,
      { where: file },
    );
  }
  return twinError('file-unreadable', `Could not open the local store ${file}: ${message}`, { where: file });
}
