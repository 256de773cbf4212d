import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { SecretName } from '../../../shared/tenant/tenant-schema';
import { writeFileAtomic } from '../../services/project-files/atomic-write';
import { errnoCode } from '../../services/project-files/fs-errors';
import { isTwinError } from '../../../shared/api/errors';
import { readKeyFileJson, checkKeyFilePermissions } from './key-file';
import { vaultEntry, type SecretVault } from './secret-vault';

/**
 * The web host's and the CLI's vault: a JSON key file that only its owner can read (0600), in the data
 * folder. Not encrypted — there is no keychain to hold a key outside the browser host — which the UI says.
 * The file is refused when its permissions were widened, as any key file is.
 */
export class KeyFileVault implements SecretVault {
  readonly kind = 'key-file' as const;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  static inDataDir(dataDir: string): KeyFileVault {
    return new KeyFileVault(path.join(dataDir, 'tenants', 'secrets.keys.json'));
  }

  describe(): string {
    return `Secrets you type are kept in the key file ${this.file}, readable only by you (not encrypted: this host has no OS keychain). Environment variables override them.`;
  }

  private async entries(): Promise<Record<string, string>> {
    try {
      await checkKeyFilePermissions(this.file);
    } catch (e) {
      if (isTwinError(e) && e.kind === 'not-found') return {};
      throw e;
    }
    return readKeyFileJson(this.file);
  }

  private update(change: (entries: Record<string, string>) => void): Promise<void> {
    const run = this.chain.then(async () => {
      const entries = await this.entries();
      change(entries);
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  async put(tenantId: string, name: SecretName, value: string): Promise<void> {
    await this.update((e) => {
      e[vaultEntry(tenantId, name)] = value;
    });
  }

  async get(tenantId: string, name: SecretName): Promise<string | undefined> {
    return (await this.entries())[vaultEntry(tenantId, name)];
  }

  async remove(tenantId: string, name?: SecretName): Promise<void> {
    try {
      await this.update((e) => {
        for (const k of Object.keys(e)) if (name ? k === vaultEntry(tenantId, name) : k.startsWith(`${tenantId}/`)) delete e[k];
      });
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw e;
    }
  }
}
