import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { twinError } from '../../shared/api/errors';
import { quoteInput } from '../../shared/api/quote-input';
import { errnoCode } from './project-files/fs-errors';

/**
 * The real path a project path names: links resolved, so every rule is checked on the file that would be
 * read or written, never on the name of a link to it. A file not there yet (a new save) is placed where
 * its folder really is; a link to nothing is refused.
 */
export function realProjectPath(p: string): string {
  const resolved = path.resolve(p);
  try {
    return realpathSync.native(resolved);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') {
      throw twinError('invalid-input', `Cannot follow ${path.basename(resolved)} to a file (${errnoCode(e) ?? 'error'}); choose the project file itself.`, {
        where: resolved,
      });
    }
  }
  let link: string | undefined;
  try {
    if (lstatSync(resolved).isSymbolicLink()) link = readlinkSync(resolved);
  } catch {
    // Not there at all: a new file.
  }
  if (link !== undefined) {
    throw twinError(
      'invalid-input',
      `${path.basename(resolved)} is a link to ${quoteInput(link, 200)}, which does not exist; choose the project file itself.`,
      {
        where: resolved,
      },
    );
  }
  try {
    return path.join(realpathSync.native(path.dirname(resolved)), path.basename(resolved));
  } catch {
    // The folder is missing too: saving says so.
    return resolved;
  }
}

/**
 * Which project paths the renderer may read and write. The renderer is untrusted: in Electron it may
 * only touch files the user picked in a native dialog, opened before (recent list), or that live in the
 * workspace folder. The web host's user holds the token and has no native dialog, so any `*.twin.json`
 * path is allowed there (still absolute and with the right extension). Every rule applies to the real
 * path, links resolved.
 */
export class ProjectAccess {
  private readonly approved = new Set<string>();

  constructor(
    readonly mode: 'approved-only' | 'any-project-file',
    private readonly workspace: string,
  ) {}

  /** Approve a path the user chose (dialog, command line, recent list, file association): by its name and its real path. */
  approve(p: string): void {
    this.approved.add(path.resolve(p));
    try {
      this.approved.add(realProjectPath(p));
    } catch {
      // A link to nothing: only its name is approved, and check() refuses it anyway.
    }
  }

  /** Check a path from the renderer and return its real path, or throw a TwinError. */
  check(p: string): string {
    if (!path.isAbsolute(p)) throw twinError('invalid-input', `The project path must be absolute: ${quoteInput(p, 200)}`, { where: p });
    const resolved = path.resolve(p);
    const real = realProjectPath(resolved);
    if (!real.toLowerCase().endsWith('.twin.json')) {
      const message =
        real === resolved
          ? `Twin Studio projects end in .twin.json; refusing ${path.basename(resolved)}.`
          : `${path.basename(resolved)} is a link to ${path.basename(real)}, which is not a Twin Studio project (.twin.json); refusing it.`;
      throw twinError('invalid-input', message, { where: resolved });
    }
    if (this.mode === 'any-project-file') return real;
    if (!this.inWorkspace(real) && !this.approved.has(real)) {
      throw twinError('forbidden', `Open or save ${path.basename(resolved)} through the file dialog first.`, { where: resolved });
    }
    return real;
  }

  private inWorkspace(real: string): boolean {
    let workspace = path.resolve(this.workspace);
    try {
      workspace = realpathSync.native(workspace);
    } catch {
      // Not created yet: nothing can be inside it.
    }
    return real.startsWith(workspace + path.sep);
  }
}
