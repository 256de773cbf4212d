import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isTwinError, twinError } from '../../../shared/api/errors';
import type { OpenedProject, RecoveryEntry } from '../../../shared/api/contract';
import { migrate } from '../../../shared/twin/migrations/migrate';
import { parseJsonSafe } from '../../../shared/twin/safe-json';
import type { TwinDocument } from '../../../shared/twin/schema';
import { checkDocument } from '../../../shared/twin/validate';
import { MAX_DOCUMENT_DEPTH } from '../../../shared/twin/document-policy';
import { writeFileAtomic } from './atomic-write';
import { serializeWithinCap } from './document-checks';
import { errnoCode, fileSystemError } from './fs-errors';
import { DEFAULT_MAX_PROJECT_BYTES, decodeProjectBytes, readBoundedFile } from './read-project';
import { sweepTempFiles } from './temp-files';

const SUFFIX = '.recovery.json';
/** Session ids become file names, so they are kept to characters that cannot climb out of the folder. */
const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const RECOVERY_FORMAT = 1;

interface RecoveryFile {
  recoveryFormat: number;
  session: string;
  path: string | null;
  name: string;
  savedAt: number;
  document: unknown;
}

function checkId(id: string): string {
  if (!SESSION_ID.test(id))
    throw twinError('invalid-input', `"${id.slice(0, 80)}" is not a recovery id (letters, digits, "-" and "_", at most 64).`, { where: id.slice(0, 80) });
  return id;
}

function isRecoveryFile(v: unknown): v is RecoveryFile {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    r.recoveryFormat === RECOVERY_FORMAT &&
    typeof r.session === 'string' &&
    (r.path === null || typeof r.path === 'string') &&
    typeof r.name === 'string' &&
    typeof r.savedAt === 'number' &&
    typeof r.document === 'object'
  );
}

/**
 * Autosaved copies of unsaved work, one file per app session. A session deletes its own file when it
 * closes cleanly (after a save, or when the user discards changes), so any file left from another
 * session is work a crash interrupted, to be offered at the next start.
 */
export class RecoveryStore {
  constructor(readonly dir: string) {}

  private fileOf(id: string): string {
    return path.join(this.dir, `${checkId(id)}${SUFFIX}`);
  }

  /** Autosave a session's document (atomically: a crash mid-write keeps the previous autosave). */
  async write(session: string, projectPath: string | null, document: TwinDocument): Promise<{ savedAt: number }> {
    const file = this.fileOf(session);
    // What saving the document would refuse, the autosave refuses now: a recovery copy that could not be
    // opened would be silently never offered.
    serializeWithinCap(document, 'autosave');
    const savedAt = Date.now();
    const record: RecoveryFile = { recoveryFormat: RECOVERY_FORMAT, session, path: projectPath, name: document.name, savedAt, document };
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(file, `${JSON.stringify(record)}\n`);
    } catch (e) {
      throw fileSystemError(e, 'write the recovery file', file);
    }
    return { savedAt };
  }

  private async load(id: string): Promise<RecoveryFile> {
    const file = this.fileOf(id);
    const { bytes } = await readBoundedFile(file, DEFAULT_MAX_PROJECT_BYTES + 1024 * 1024, 'read the recovery file');
    let json: unknown;
    try {
      // The document sits one level inside the record.
      json = parseJsonSafe(decodeProjectBytes(bytes, file), { maxDepth: MAX_DOCUMENT_DEPTH + 1 });
    } catch (e) {
      if (isTwinError(e)) throw e;
      throw twinError('file-invalid', `The recovery file ${file} is damaged (${e instanceof Error ? e.message : String(e)}); discard it.`, { where: file });
    }
    if (!isRecoveryFile(json)) throw twinError('file-invalid', `The recovery file ${file} is not one this build wrote; discard it.`, { where: file });
    return json;
  }

  /** Recovery entries, newest first, leaving out the caller's own session; damaged files are skipped. */
  async list(exceptSession?: string): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return [];
      throw fileSystemError(e, 'list the recovery folder', this.dir);
    }
    const entries: RecoveryEntry[] = [];
    for (const name of names) {
      if (!name.endsWith(SUFFIX)) continue;
      const id = name.slice(0, -SUFFIX.length);
      if (!SESSION_ID.test(id) || id === exceptSession) continue;
      try {
        const r = await this.load(id);
        entries.push({ id, path: r.path, name: r.name, savedAt: r.savedAt });
      } catch {
        // Listing must not fail because of one bad file; reading that entry reports why.
      }
    }
    return entries.sort((a, b) => b.savedAt - a.savedAt);
  }

  /**
   * The recovered document, migrated if an older build wrote it. Its fingerprint is null, so saving it
   * over its project file asks the user first (the file may have been saved since the autosave).
   */
  async read(id: string): Promise<OpenedProject> {
    const r = await this.load(id);
    const where = `The recovery file of "${r.name}"`;
    const { document: migrated, from } = migrate(r.document, where);
    const { document, problems } = checkDocument(migrated);
    if (!document) {
      throw twinError('file-invalid', `${where} does not hold a valid project: ${problems[0]?.path ?? '$'}: ${problems[0]?.message ?? ''}`, {
        where: this.fileOf(id),
        problems,
      });
    }
    const opened: OpenedProject = { document, path: r.path, fingerprint: null, problems };
    if (from !== document.formatVersion) opened.migratedFrom = from;
    return opened;
  }

  /** Delete a recovery file; deleting one that is gone is fine. */
  async discard(id: string): Promise<void> {
    try {
      await unlink(this.fileOf(id));
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw fileSystemError(e, 'delete the recovery file', this.fileOf(id));
    }
  }

  /** Remove temp files of autosaves a crash interrupted. */
  sweep(): Promise<string[]> {
    return sweepTempFiles(this.dir);
  }
}
