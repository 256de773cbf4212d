import { twinError, type TwinError } from '../../../shared/api/errors';

/** The `code` of a Node file-system error, if it is one. */
export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** Turn a file-system error while doing `action` ("open", "save") on `file` into a TwinError that says what to do. */
export function fileSystemError(e: unknown, action: string, file: string): TwinError {
  const code = errnoCode(e);
  // Failures while writing get their own kind, so the UI can offer "Save as…" instead of "try opening again".
  const kind = /^(save|write|create|rename|replace)/.test(action) ? 'file-unwritable' : 'file-unreadable';
  switch (code) {
    case 'ENOENT':
      return twinError('not-found', `Cannot ${action} ${file}: it does not exist (moved, renamed or deleted?).`, { where: file });
    case 'EACCES':
    case 'EPERM':
      return twinError(kind, `Cannot ${action} ${file}: permission denied. Check the permissions of the file and its folder.`, { where: file });
    case 'EISDIR':
      return twinError(kind, `Cannot ${action} ${file}: it is a folder, not a project file.`, { where: file });
    case 'ENOSPC':
    case 'EDQUOT':
      return twinError(kind, `Cannot ${action} ${file}: the disk is full. Free some space and try again; nothing was overwritten.`, { where: file });
    case 'EROFS':
      return twinError(kind, `Cannot ${action} ${file}: the disk is read-only. Save under another folder.`, { where: file });
    default: {
      const reason = e instanceof Error ? e.message : String(e);
      return twinError(kind, `Cannot ${action} ${file}: ${reason}`, { where: file });
    }
  }
}
