import path from 'node:path';
import { isTwinError, type Problem, type TwinErrorKind } from '../../../shared/api/errors';
import { isTenantFileName, looksLikeTenantJson, parseTenantFileText } from '../../../shared/tenant/tenant-file';
import { parseJsonSafe } from '../../../shared/twin/safe-json';
import { decodeProjectBytes, readBoundedFile } from '../../services/project-files/read-project';

/** Tenant files are small: a profile without data. */
const MAX_TENANT_FILE_BYTES = 1024 * 1024;

/** Whether `twin validate` should read a file as a tenant file: by its name, else by its content. */
export async function isTenantFile(file: string): Promise<boolean> {
  if (isTenantFileName(path.basename(file))) return true;
  if (!/\.json$/i.test(file) || /\.twin\.json$/i.test(file)) return false;
  try {
    const { bytes } = await readBoundedFile(path.resolve(file), MAX_TENANT_FILE_BYTES);
    return looksLikeTenantJson(parseJsonSafe(decodeProjectBytes(bytes, file)));
  } catch {
    // Unreadable or not JSON: the project path reports it as it always has.
    return false;
  }
}

/** The same result shape as a project's, for a tenant file. */
export async function checkTenantFile(
  file: string,
  strict: boolean,
): Promise<{
  file: string;
  kind: 'tenant';
  status: 'valid' | 'invalid' | 'unreadable';
  formatVersion?: number;
  error?: { kind: TwinErrorKind; message: string };
  problems: Problem[];
}> {
  let text: string;
  try {
    text = decodeProjectBytes((await readBoundedFile(path.resolve(file), MAX_TENANT_FILE_BYTES, 'read')).bytes, file);
  } catch (e) {
    if (!isTwinError(e)) throw e;
    const unreadable = ['not-found', 'file-unreadable', 'file-too-large'].includes(e.kind);
    return { file, kind: 'tenant', status: unreadable ? 'unreadable' : 'invalid', error: { kind: e.kind, message: e.message }, problems: e.problems ?? [] };
  }
  const r = parseTenantFileText(text);
  const base = { file, kind: 'tenant' as const, problems: r.problems, ...(r.format !== undefined ? { formatVersion: r.format } : {}) };
  if (r.newer)
    return { ...base, status: 'unreadable', error: { kind: 'newer-format', message: `${file} was made by a newer Twin Studio (tenant format ${r.format}).` } };
  const invalid = !r.profile || (strict && r.problems.length > 0);
  return { ...base, status: invalid ? 'invalid' : 'valid' };
}
