import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { twinError } from '../../../shared/api/errors';
import type { SecretName } from '../../../shared/tenant/tenant-schema';
import { writeFileAtomic } from '../../services/project-files/atomic-write';
import { errnoCode } from '../../services/project-files/fs-errors';
import { vaultEntry, type SecretVault } from './secret-vault';

/** The part of Electron's `safeStorage` the vault uses; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring backs it; `basic_text` means a fixed key, i.e. no protection. */
  getSelectedStorageBackend?(): string;
}

const SecretsFileV1 = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });
type SecretsFile = z.infer<typeof SecretsFileV1>;

/**
 * The desktop app's vault: each secret encrypted with Electron's safeStorage (Keychain on macOS, DPAPI on
 * Windows, the Secret Service or KWallet on Linux), the ciphertexts in a versioned file readable only by
 * the user. Where the OS offers no keychain, secrets are refused rather than stored in a form anyone
 * could decrypt; the user then names an environment variable or a key file instead.
 */
export class SafeStorageVault implements SecretVault {
  readonly kind = 'keychain' as const;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly safeStorage: SafeStorageLike,
    readonly file: string,
  ) {}

  static inDataDir(safeStorage: SafeStorageLike, dataDir: string): SafeStorageVault {
    return new SafeStorageVault(safeStorage, path.join(dataDir, 'tenants', 'secrets.json'));
  }

  describe(): string {
    const problem = this.unavailable();
    return problem ?? 'Secrets you type are encrypted with the operating system’s keychain and kept in the app’s data folder.';
  }

  /** Why the keychain cannot protect secrets here, or null when it can. */
  private unavailable(): string | null {
    if (!this.safeStorage.isEncryptionAvailable()) {
      return 'This computer offers no keychain to encrypt secrets with; name an environment variable or a key file (chmod 600) for each secret instead.';
    }
    if (this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return 'No keyring (GNOME Keyring, KWallet) is running, so secrets could only be stored with a fixed key anyone can undo; name an environment variable or a key file (chmod 600) instead, or start a keyring.';
    }
    return null;
  }

  private async load(): Promise<SecretsFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return { version: 1, secrets: {} };
      throw twinError('file-unreadable', `The secret store ${this.file} cannot be read (${errnoCode(e) ?? 'error'}).`, { where: this.file });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    const version = (json as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > 1) {
      throw twinError('newer-format', `The secret store ${this.file} was written by a newer Twin Studio; update Twin Studio.`, { where: this.file });
    }
    const parsed = SecretsFileV1.safeParse(json);
    if (!parsed.success) throw twinError('file-invalid', `The secret store ${this.file} is damaged; type the tenant's secrets again.`, { where: this.file });
    return parsed.data;
  }

  private update(change: (secrets: Record<string, string>) => void): Promise<void> {
    const run = this.chain.then(async () => {
      const data = await this.load();
      change(data.secrets);
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  async put(tenantId: string, name: SecretName, value: string): Promise<void> {
    const problem = this.unavailable();
    if (problem) throw twinError('unsupported', problem);
    const encrypted = this.safeStorage.encryptString(value).toString('base64');
    await this.update((s) => {
      s[vaultEntry(tenantId, name)] = encrypted;
    });
  }

  async get(tenantId: string, name: SecretName): Promise<string | undefined> {
    const encrypted = (await this.load()).secrets[vaultEntry(tenantId, name)];
    if (encrypted === undefined) return undefined;
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw twinError(
        'unsupported',
        'The keychain that encrypted this tenant’s secrets is not available now (locked, or another user session); unlock it and try again.',
      );
    }
    try {
      return this.safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    } catch {
      throw twinError(
        'unsupported',
        'A stored secret of this tenant could not be decrypted (the keychain changed, or the data folder came from another computer); type it again in the tenant’s settings.',
      );
    }
  }

  async remove(tenantId: string, name?: SecretName): Promise<void> {
    await this.update((s) => {
      for (const k of Object.keys(s)) if (name ? k === vaultEntry(tenantId, name) : k.startsWith(`${tenantId}/`)) delete s[k];
    });
  }
}
