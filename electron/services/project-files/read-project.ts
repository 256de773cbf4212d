import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { isTwinError, twinError } from '../../../shared/api/errors';
import type { Fingerprint, OpenedProject } from '../../../shared/api/contract';
import { MAX_PROJECT_BYTES, sizeReason } from '../../../shared/twin/document-policy';
import { parseProjectText } from '../../../shared/twin/validate';
import { fingerprintOf } from './fingerprint';
import { fileSystemError } from './fs-errors';
import { checkProjectPath } from './project-path';

/** Project files larger than this are refused before a byte is read (the document policy's cap). */
export const DEFAULT_MAX_PROJECT_BYTES = MAX_PROJECT_BYTES;

export interface ReadOptions {
  maxBytes?: number;
  /** The CLI validates files of any name; the app opens only `*.twin.json`. */
  anyName?: boolean;
}

function tooLarge(file: string, size: number, max: number): Error {
  return twinError(
    'file-too-large',
    `Cannot open ${file}: ${sizeReason(size, max)}. Check that it is a Twin Studio project; sensor data belongs in a data source, not in the project.`,
    { where: file, details: { size, maxBytes: max } },
  );
}

/** Read a file's bytes, checking its type and size before reading; never more than `max` bytes. */
export async function readBoundedFile(file: string, max: number, action = 'open'): Promise<{ bytes: Buffer; mtimeMs: number }> {
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    throw fileSystemError(e, action, file);
  }
  if (info.isDirectory()) throw fileSystemError({ code: 'EISDIR' }, action, file);
  // A FIFO or device would block or never end; only regular files are projects.
  if (!info.isFile()) throw twinError('file-unreadable', `Cannot ${action} ${file}: it is not a regular file.`, { where: file });
  if (info.size > max) throw tooLarge(file, info.size, max);

  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw fileSystemError(e, action, file);
  }
  try {
    // The file may have grown since stat; read until its end, but never past one byte over the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(info.size - length, 64 * 1024), max + 1 - length));
      if (chunk.length === 0) break;
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    if (length > max) throw tooLarge(file, length, max);
    const after = await handle.stat();
    return { bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length), mtimeMs: after.mtimeMs };
  } catch (e) {
    if (isTwinError(e)) throw e;
    throw fileSystemError(e, action, file);
  } finally {
    await handle.close();
  }
}

/** Decode UTF-8 strictly, so a binary or UTF-16 file is named as such instead of parsed as garbage. */
export function decodeProjectBytes(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw twinError('file-invalid', `${file} is UTF-16 text; project files are UTF-8. Save it as UTF-8 in your editor and open it again.`, {
      where: file,
      problems: [{ path: '$', message: 'the file is UTF-16, not UTF-8', severity: 'error' }],
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw twinError('file-invalid', `${file} is not UTF-8 text (is it a binary file?); it is not a Twin Studio project.`, {
      where: file,
      problems: [{ path: '$', message: 'the file is not UTF-8 text', severity: 'error' }],
    });
  }
}

/**
 * Open a project file: size checked before reading, then parsed, migrated and validated. The file is
 * never written. Throws a TwinError (`not-found`, `file-unreadable`, `file-too-large`, `file-invalid`,
 * `newer-format`, `invalid-input` for a name not ending in `.twin.json`).
 */
export async function readProjectFile(filePath: string, options: ReadOptions = {}): Promise<OpenedProject & { path: string; fingerprint: Fingerprint }> {
  const file = options.anyName ? path.resolve(filePath) : checkProjectPath(filePath);
  const { bytes, mtimeMs } = await readBoundedFile(file, options.maxBytes ?? DEFAULT_MAX_PROJECT_BYTES);
  const parsed = parseProjectText(decodeProjectBytes(bytes, file), file);
  const opened: OpenedProject & { path: string; fingerprint: Fingerprint } = {
    document: parsed.document,
    path: file,
    fingerprint: fingerprintOf(bytes, mtimeMs),
    problems: parsed.problems,
  };
  if (parsed.migratedFrom !== undefined) opened.migratedFrom = parsed.migratedFrom;
  return opened;
}
