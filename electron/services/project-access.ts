import path from 'node:path';
import { twinError } from '../../shared/api/errors';

/**
 * Which project paths the renderer may read and write. The renderer is untrusted: in Electron it may
 * only touch files the user picked in a native dialog, opened before (recent list), or that live in the
 * workspace folder. The web host's user holds the token and has no native dialog, so any `*.twin.json`
 * path is allowed there (still absolute and with the right extension).
 */
export class ProjectAccess {
  private readonly approved = new Set<string>();

  constructor(
    readonly mode: 'approved-only' | 'any-project-file',
    private readonly workspace: string,
  ) {}

  /** Approve a path the user chose (dialog, command line, recent list, file association). */
  approve(p: string): void {
    this.approved.add(path.resolve(p));
  }

  /** Check a path from the renderer and return it normalized, or throw a TwinError. */
  check(p: string): string {
    if (!path.isAbsolute(p)) throw twinError('invalid-input', `The project path must be absolute: ${p}`, { where: p });
    const resolved = path.resolve(p);
    if (!resolved.toLowerCase().endsWith('.twin.json')) {
      throw twinError('invalid-input', `Twin Studio projects end in .twin.json; refusing ${path.basename(resolved)}.`, { where: resolved });
    }
    if (this.mode === 'any-project-file') return resolved;
    const inWorkspace = resolved.startsWith(path.resolve(this.workspace) + path.sep);
    if (!inWorkspace && !this.approved.has(resolved)) {
      throw twinError('forbidden', `Open or save ${path.basename(resolved)} through the file dialog first.`, { where: resolved });
    }
    return resolved;
  }
}
