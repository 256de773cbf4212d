import { existsSync } from 'node:fs';
import path from 'node:path';
import { twinError } from '../../shared/api/errors';
import { isTenantFileName, parseTenantFileText } from '../../shared/tenant/tenant-file';
import { decodeProjectBytes, readBoundedFile } from '../services/project-files/read-project';
import { resolveTenant, type ResolvedTenant } from '../tenant/resolve-tenant';
import { KeyFileVault } from '../tenant/secrets/key-file-vault';
import { osUser } from '../tenant/tenant-setup';
import { TenantStore } from '../tenant/tenant-store';
import { UsageError } from './cli-types';

export const TENANT_USAGE = `Tenant (--tenant NAME):
  a tenant file (NAME.tenant.json, checked into the plant's repository: the profile without secrets), or
  the name of a tenant profile in the app's data folder (--data-dir DIR, default the app's own).
  Secrets come from what the profile names ({"env": …} or {"keyFile": …}, a key file readable only by
  you: chmod 600), or from TWIN_TENANT_<NAME>_MONGO_PASSWORD, …_INFLUX_PASSWORD, …_INFLUX_TOKEN. Secrets
  the desktop app encrypted with the OS keychain can only be read by the desktop app.`;

/** The tenant `--tenant` names, with its secrets read: a tenant file, or a profile of the data folder. */
export async function tenantFromArg(name: string, dataDir: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ResolvedTenant> {
  const asFile = path.resolve(name);
  if (isTenantFileName(name) || (existsSync(asFile) && /\.json$/i.test(name))) {
    const { bytes } = await readBoundedFile(asFile, 1024 * 1024, 'read the tenant file');
    const parsed = parseTenantFileText(decodeProjectBytes(bytes, asFile));
    if (!parsed.profile) {
      const first = parsed.problems.find((p) => p.severity === 'error');
      throw twinError(
        parsed.newer ? 'newer-format' : 'file-invalid',
        `${asFile} is not a valid tenant file: ${first ? `${first.path}: ${first.message}` : 'unexpected shape'}. "twin validate ${name}" lists every problem.`,
        {
          where: asFile,
          problems: parsed.problems,
        },
      );
    }
    return resolveTenant(
      parsed.profile,
      `file-${parsed.profile.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      {
        tenantId: undefined,
        tenantName: parsed.profile.name,
        vault: null,
        env,
        envFallback: true,
        baseDir: path.dirname(asFile),
      },
      osUser(),
    );
  }
  const store = await TenantStore.open(dataDir);
  const profile = store.find(name);
  if (!profile) {
    const known = store.list().map((t) => `"${t.name}"`);
    throw new UsageError(
      `There is no tenant "${name}" in ${store.file}${known.length ? `; known tenants: ${known.join(', ')}` : ' (no tenants yet)'}. Give a tenant file (NAME.tenant.json) or add the tenant in the app.`,
    );
  }
  return resolveTenant(
    profile,
    profile.id,
    {
      tenantId: profile.id,
      tenantName: profile.name,
      vault: KeyFileVault.inDataDir(dataDir),
      env,
      envFallback: true,
      baseDir: path.dirname(store.file),
    },
    osUser(),
  );
}
