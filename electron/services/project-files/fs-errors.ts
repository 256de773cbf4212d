import { twinError, type TwinError } from '../../../shared/api/errors';

/** The `code` of a Node file-system error, if it is one. */
export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** Turn a file-system error while doing `action` ("open", "save") on `file` into a TwinError that says what to do. */
export function fileSystemError(e: unknown, action: string, file: string): TwinError {
  const code = errnoCode(e);
  switch (code) {
    case 'ENOENT':
      return twinError('not-found', `Cannot ${action} ${file}: it does not exist (moved, renamed or deleted?).`, { where: file });
    case 'EACCES':
    case 'EPERM':
      return twinError('file-unreadable', `Cannot ${action} ${file}: permission denied. Check the permissions of the file and its folder.`, { where: file });
    case 'EISDIR':
      return twinError('file-unreadable', `Cannot ${action} ${file}: it is a folder, not a project file.`, { where: file });
    case 'ENOSPC':
    case 'EDQUOT':
      return twinError('file-unreadable', `Cannot ${action} ${file}: the disk is full. Free some space and try again; nothing was overwritten.`, { where: file });
    case 'EROFS':
      return twinError('file-unreadable', `Cannot ${action} ${file}: the disk is read-only. Save under another folder.`, { where: file });
    default: {
      const reason = e instanceof Error ? e.message : String(e);
      return twinError('file-unreadable', `Cannot ${action} ${file}: ${reason}`, { where: file });
    }
  }
}
