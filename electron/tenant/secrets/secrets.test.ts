import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeStorage } from '../../shell/testing/fake-electron';
import { KeyFileVault } from './key-file-vault';
import { readKeyFileSecret } from './key-file';
import { maskSecret, resolveSecret, type SecretContext } from './resolve-secret';
import { SafeStorageVault } from './safe-storage-vault';
import { secretEnvName } from './secret-vault';

const SENTINEL = 'pw-SENTINEL-4711';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-secrets-'));
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ctx = (over: Partial<SecretContext> = {}): SecretContext => ({
  tenantId: 'acme',
  tenantName: 'Acme Houston',
  vault: null,
  env: {},
  envFallback: false,
  baseDir: dir,
  ...over,
});

describe('key files', () => {
  it('reads a whole-file secret or an entry of a JSON key file, only when no one else can read it', async () => {
    const whole = path.join(dir, 'mongo.secret');
    writeFileSync(whole, `${SENTINEL}\n`, { mode: 0o600 });
    expect(await readKeyFileSecret(whole, undefined)).toBe(SENTINEL);
    const json = path.join(dir, 'keys.json');
    writeFileSync(json, JSON.stringify({ mongoPassword: SENTINEL }), { mode: 0o600 });
    expect(await readKeyFileSecret(json, 'mongoPassword')).toBe(SENTINEL);
    expect(await readKeyFileSecret(json, 'other')).toBeUndefined();

    chmodSync(json, 0o644);
    const refused = await readKeyFileSecret(json, 'mongoPassword').catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'forbidden', where: json });
    expect((refused as Error).message).toBe(
      `The key file ${json} can be read by other users (mode 644), so its secrets are not secret; Twin Studio refuses to use it. Run "chmod 600 ${json}" and change the secrets it held if others may have read them.`,
    );
    chmodSync(json, 0o640);
    await expect(readKeyFileSecret(json, 'mongoPassword')).rejects.toThrow(/mode 640/);
    await expect(readKeyFileSecret(path.join(dir, 'none.json'), 'x')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('names a broken key file without quoting it', async () => {
    const json = path.join(dir, 'keys.json');
    writeFileSync(json, `{"mongoPassword": "${SENTINEL}"`, { mode: 0o600 });
    const e = await readKeyFileSecret(json, 'mongoPassword').catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/is not valid JSON/);
    expect((e as Error).message).not.toContain(SENTINEL);
  });
});

describe('secret references', () => {
  it('resolve from the environment, a key file relative to the tenant file, or the vault, and say where they looked', async () => {
    expect(await resolveSecret({ env: 'ACME_PW' }, 'mongoPassword', ctx({ env: { ACME_PW: SENTINEL } }))).toBe(SENTINEL);
    await expect(resolveSecret({ env: 'ACME_PW' }, 'mongoPassword', ctx())).rejects.toThrow(
      'The environment variable ACME_PW, which holds the MongoDB password of tenant "Acme Houston", is not set.',
    );
    writeFileSync(path.join(dir, 'keys.json'), JSON.stringify({ influx: SENTINEL }), { mode: 0o600 });
    expect(await resolveSecret({ keyFile: 'keys.json', key: 'influx' }, 'influxPassword', ctx())).toBe(SENTINEL);
    await expect(resolveSecret({ keyFile: 'keys.json', key: 'nope' }, 'influxPassword', ctx())).rejects.toThrow(
      /has no entry "nope", which should hold the InfluxDB password/,
    );
    expect(await resolveSecret(undefined, 'influxToken', ctx())).toBeUndefined();
  });

  it('in the web host and the CLI, TWIN_TENANT_<NAME>_<SECRET> supplies or overrides a stored secret', async () => {
    const name = secretEnvName('Acme Houston', 'mongoPassword');
    expect(name).toBe('TWIN_TENANT_ACME_HOUSTON_MONGO_PASSWORD');
    const vault = KeyFileVault.inDataDir(dir);
    await vault.put('acme', 'mongoPassword', 'stored-one');
    expect(await resolveSecret({ stored: true }, 'mongoPassword', ctx({ vault, envFallback: true }))).toBe('stored-one');
    expect(await resolveSecret({ stored: true }, 'mongoPassword', ctx({ vault, envFallback: true, env: { [name]: SENTINEL } }))).toBe(SENTINEL);
    // The desktop app does not read such variables: its secrets are the ones the user typed.
    expect(await resolveSecret({ stored: true }, 'mongoPassword', ctx({ vault, envFallback: false, env: { [name]: SENTINEL } }))).toBe('stored-one');
    const missing = await resolveSecret({ stored: true }, 'influxPassword', ctx({ vault, envFallback: true })).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/Set the environment variable TWIN_TENANT_ACME_HOUSTON_INFLUX_PASSWORD.*only be read by the desktop app/);
  });

  it('are masked for the renderer: state, a fixed mask and the place, never the value', async () => {
    const masked = await maskSecret({ env: 'ACME_PW' }, 'mongoPassword', ctx({ env: { ACME_PW: SENTINEL } }));
    expect(masked).toEqual({ state: 'set', masked: '••••••••', from: 'env', where: 'ACME_PW' });
    expect(await maskSecret({ env: 'ACME_PW' }, 'mongoPassword', ctx())).toMatchObject({
      state: 'missing',
      masked: '',
      problem: expect.stringMatching(/not set/),
    });
    const file = path.join(dir, 'open.json');
    writeFileSync(file, JSON.stringify({ k: SENTINEL }), { mode: 0o644 });
    chmodSync(file, 0o644);
    const open = await maskSecret({ keyFile: file, key: 'k' }, 'mongoPassword', ctx());
    expect(open).toMatchObject({ state: 'unreadable', from: 'key-file', where: `${file} (k)`, problem: expect.stringMatching(/chmod 600/) });
    expect(JSON.stringify(open)).not.toContain(SENTINEL);
  });
});

describe('the vaults', () => {
  it('the desktop vault keeps only ciphertext, in a file only its owner can read', async () => {
    const vault = SafeStorageVault.inDataDir(safeStorage, dir);
    await vault.put('acme', 'mongoPassword', SENTINEL);
    await vault.put('other', 'mongoPassword', 'x-other');
    const text = readFileSync(vault.file, 'utf8');
    expect(text).not.toContain(SENTINEL);
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
    expect(statSync(vault.file).mode & 0o777).toBe(0o600);
    expect(await vault.get('acme', 'mongoPassword')).toBe(SENTINEL);
    await vault.remove('acme');
    expect(await vault.get('acme', 'mongoPassword')).toBeUndefined();
    expect(await vault.get('other', 'mongoPassword')).toBe('x-other');
  });

  it('the desktop vault refuses to store a secret where no keyring protects it, and says what to do instead', async () => {
    const vault = SafeStorageVault.inDataDir(safeStorage, dir);
    safeStorage.backend = 'basic_text';
    await expect(vault.put('acme', 'mongoPassword', SENTINEL)).rejects.toMatchObject({
      kind: 'unsupported',
      message: expect.stringMatching(/No keyring.*environment variable or a key file/),
    });
    safeStorage.backend = 'gnome_libsecret';
    safeStorage.available = false;
    await expect(vault.put('acme', 'mongoPassword', SENTINEL)).rejects.toThrow(/no keychain/);
    expect(vault.describe()).toMatch(/no keychain/);
  });

  it('the desktop vault says when a secret cannot be decrypted (another computer, a changed keychain)', async () => {
    const vault = SafeStorageVault.inDataDir(safeStorage, dir);
    await vault.put('acme', 'mongoPassword', SENTINEL);
    writeFileSync(vault.file, JSON.stringify({ version: 1, secrets: { 'acme/mongoPassword': Buffer.from('garbage').toString('base64') } }));
    await expect(vault.get('acme', 'mongoPassword')).rejects.toThrow(/could not be decrypted.*type it again/);
    writeFileSync(vault.file, JSON.stringify({ version: 9, secrets: {} }));
    await expect(vault.get('acme', 'mongoPassword')).rejects.toMatchObject({ kind: 'newer-format' });
  });

  it('the web host vault is a key file created 0600, and refused once others can read it', async () => {
    const vault = KeyFileVault.inDataDir(dir);
    await vault.put('acme', 'influxPassword', SENTINEL);
    expect(statSync(vault.file).mode & 0o777).toBe(0o600);
    expect(await vault.get('acme', 'influxPassword')).toBe(SENTINEL);
    expect(vault.describe()).toMatch(/readable only by you \(not encrypted/);
    chmodSync(vault.file, 0o604);
    await expect(vault.get('acme', 'influxPassword')).rejects.toThrow(/can be read by other users \(mode 604\)/);
  });
});
