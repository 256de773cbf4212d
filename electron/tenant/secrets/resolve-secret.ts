import path from 'node:path';
import { isTwinError, twinError } from '../../../shared/api/errors';
import { SECRET_MASK, type MaskedSecret, type SecretName, type SecretRef } from '../../../shared/tenant/tenant-schema';
import { readKeyFileSecret } from './key-file';
import { secretEnvName, type SecretVault } from './secret-vault';

/** What a secret is for, in words. */
export const SECRET_LABEL: Record<SecretName, string> = {
  influxPassword: 'InfluxDB password',
  influxToken: 'InfluxDB token',
  mongoPassword: 'MongoDB password',
};

export interface SecretContext {
  /** The profile's id; absent for a tenant file, which has no stored secrets. */
  tenantId: string | undefined;
  tenantName: string;
  /** The app's vault, for `{ "stored": true }`. */
  vault: SecretVault | null;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Whether TWIN_TENANT_<NAME>_<SECRET> overrides a stored secret and supplies a missing one: in the web
   * host and the CLI, which take secrets from the environment; not in the desktop app.
   */
  envFallback: boolean;
  /** Folder that relative key-file paths start from (a tenant file's folder). */
  baseDir: string;
}

function keyFilePath(ref: { keyFile: string }, ctx: SecretContext): string {
  return path.resolve(ctx.baseDir, ref.keyFile);
}

/**
 * The value of a secret. Absent secrets resolve to undefined only when nothing names them; a reference
 * that names a place without the secret is an error saying which place and what to do.
 */
export async function resolveSecret(ref: SecretRef | undefined, name: SecretName, ctx: SecretContext): Promise<string | undefined> {
  const label = `the ${SECRET_LABEL[name]} of tenant "${ctx.tenantName}"`;
  const fallbackName = secretEnvName(ctx.tenantName, name);
  const fallback = ctx.envFallback ? ctx.env[fallbackName] : undefined;
  if (ref === undefined) return fallback || undefined;
  if ('env' in ref) {
    const v = ctx.env[ref.env];
    if (v === undefined || v === '') throw twinError('not-found', `The environment variable ${ref.env}, which holds ${label}, is not set.`, { where: ref.env });
    return v;
  }
  if ('keyFile' in ref) {
    const file = keyFilePath(ref, ctx);
    const v = await readKeyFileSecret(file, ref.key);
    if (v === undefined) {
      throw twinError('not-found', `The key file ${file} has no ${ref.key ? `entry "${ref.key}"` : 'content'}, which should hold ${label}.`, { where: file });
    }
    return v;
  }
  if (fallback) return fallback;
  const stored = ctx.vault && ctx.tenantId !== undefined ? await ctx.vault.get(ctx.tenantId, name) : undefined;
  if (stored !== undefined) return stored;
  const how = ctx.envFallback
    ? ` Set the environment variable ${fallbackName}${ctx.vault ? `, or type it again in the tenant's settings (kept in ${ctx.vault.file})` : ''}. Secrets the desktop app encrypted with the OS keychain can only be read by the desktop app.`
    : ' Type it again in the tenant’s settings.';
  throw twinError('not-found', `No stored secret holds ${label}.${how}`, { where: ctx.tenantName });
}

/** Where a secret comes from, for the renderer: the place and whether the secret is there, never its value. */
export async function maskSecret(ref: SecretRef | undefined, name: SecretName, ctx: SecretContext): Promise<MaskedSecret | undefined> {
  const fallbackName = secretEnvName(ctx.tenantName, name);
  let from: MaskedSecret['from'];
  let where: string;
  if (ref === undefined) {
    if (!ctx.envFallback || !ctx.env[fallbackName]) return undefined;
    from = 'env';
    where = fallbackName;
  } else if ('env' in ref) {
    from = 'env';
    where = ref.env;
  } else if ('keyFile' in ref) {
    from = 'key-file';
    where = ref.key ? `${keyFilePath(ref, ctx)} (${ref.key})` : keyFilePath(ref, ctx);
  } else if (ctx.envFallback && ctx.env[fallbackName]) {
    from = 'env';
    where = fallbackName;
  } else {
    from = ctx.vault?.kind === 'keychain' ? 'keychain' : 'key-file';
    where = ctx.vault?.file ?? '';
  }
  try {
    const value = await resolveSecret(ref, name, ctx);
    return value ? { state: 'set', masked: SECRET_MASK, from, where } : { state: 'missing', masked: '', from, where };
  } catch (e) {
    if (!isTwinError(e)) throw e;
    return { state: e.kind === 'not-found' ? 'missing' : 'unreadable', masked: '', from, where, problem: e.message };
  }
}
