import { readFile, stat } from 'node:fs/promises';
import { twinError } from '../../../shared/api/errors';
import { parseJsonSafe, SafeJsonError } from '../../../shared/twin/safe-json';
import { errnoCode } from '../../services/project-files/fs-errors';

/** Key files are small; anything larger is not one. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

/**
 * Refuse a key file that others could read: a secret in a file with group or world read bits is already
 * disclosed. On Windows, mode bits mean nothing (ACLs decide), so the check is skipped there.
 */
export async function checkKeyFilePermissions(file: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT')
      throw twinError('not-found', `The key file ${file} does not exist. Create it (readable only by you: chmod 600 ${file}) or fix the path.`, {
        where: file,
      });
    throw twinError('file-unreadable', `The key file ${file} cannot be read (${code ?? 'error'}).`, { where: file });
  }
  if (!info.isFile()) throw twinError('file-unreadable', `The key file ${file} is not a regular file.`, { where: file });
  if (info.size > MAX_KEY_FILE_BYTES) throw twinError('file-too-large', `The key file ${file} is larger than 1 MB; it is not a key file.`, { where: file });
  if (platform === 'win32') return;
  const mode = info.mode & 0o777;
  if (mode & 0o077) {
    throw twinError(
      'forbidden',
      `The key file ${file} can be read by other users (mode ${mode.toString(8).padStart(3, '0')}), so its secrets are not secret; Twin Studio refuses to use it. Run "chmod 600 ${file}" and change the secrets it held if others may have read them.`,
      { where: file },
    );
  }
  if (typeof process.getuid === 'function' && info.uid !== process.getuid()) {
    throw twinError('forbidden', `The key file ${file} belongs to another user; Twin Studio only reads key files you own.`, { where: file });
  }
}

/**
 * A secret from a key file: the whole file (trimmed) when no key is given, as Docker and Kubernetes
 * mount secrets; else the string at `key` in a JSON object.
 */
export async function readKeyFileSecret(file: string, key: string | undefined): Promise<string | undefined> {
  await checkKeyFilePermissions(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw twinError('file-unreadable', `The key file ${file} cannot be read (${errnoCode(e) ?? 'error'}).`, { where: file });
  }
  if (key === undefined) return text.trim() || undefined;
  return (await readKeyFileJson(file, text))[key];
}

/** The entries of a JSON key file; its values are never quoted in errors. */
export async function readKeyFileJson(file: string, text?: string): Promise<Record<string, string>> {
  const content = text ?? (await readFile(file, 'utf8'));
  let json: unknown;
  try {
    json = parseJsonSafe(content);
  } catch (e) {
    if (!(e instanceof SafeJsonError)) throw e;
    throw twinError('file-invalid', `The key file ${file} is not valid JSON (${e.reason} at line ${e.line}); it should be an object of names and secrets.`, {
      where: file,
    });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw twinError('file-invalid', `The key file ${file} should hold a JSON object of names and secrets.`, { where: file });
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(json)) if (typeof v === 'string') out[k] = v;
  return out;
}
