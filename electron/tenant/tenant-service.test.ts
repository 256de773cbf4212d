import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourceInfo, SourceProfile } from '../../shared/api/source-schemas';
import type { TenantInput } from '../../shared/api/tenant-schemas';
import { sampleTwin } from '../../shared/tenant/testing/sample-twin';
import { withTenantLink } from '../../shared/tenant/tenant-link';
import { SourceRegistry } from '../sources/source-registry';
import { windowLayout } from '../../shared/series/window-math';
import type { TimeSeriesSource } from '../sources/source';
import { safeStorage } from '../shell/testing/fake-electron';
import { setUpTenants, type TenantSetup } from './tenant-setup';
import { TenantStore } from './tenant-store';

const SENTINELS = { influx: 'influx-SENTINEL-1', mongo: 'mongo-SENTINEL-2', pasted: 'pasted-SENTINEL-3' };
let dir: string;
let closedPort: number;
let setup: TenantSetup | null = null;

beforeAll(async () => {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((r) => probe.close(r));
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-tenants-'));
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});
afterEach(async () => {
  await setup?.close();
  setup = null;
  rmSync(dir, { recursive: true, force: true });
});
afterAll(() => undefined);

function input(over: Partial<TenantInput> = {}): TenantInput {
  return {
    name: 'Acme Houston',
    influx: { kind: 'influx1', url: `http://127.0.0.1:${closedPort}`, database: 'plant', username: 'reader' },
    mongo: { uri: `mongodb://twin:${SENTINELS.pasted}@127.0.0.1:${closedPort}/?authSource=admin`, database: 'twins' },
    secrets: { influxPassword: { value: SENTINELS.influx } },
    ...over,
  };
}

/** Everything a data folder holds, as text. */
function folderText(): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${p}\n${readFileSync(p, 'utf8')}`);
    }
  };
  walk(dir);
  return out.join('\n');
}

describe('tenant profiles in the desktop app', () => {
  it('keep typed secrets encrypted, take a password out of a pasted connection string, and only ever answer masked', async () => {
    setup = await setUpTenants({ dataDir: dir, host: 'electron', safeStorage, sources: null, env: {} });
    const info = await setup.service.save(input());
    expect(info).toMatchObject({
      id: 'acme-houston',
      key: `mongodb://127.0.0.1:${closedPort}/twins`,
      mongo: { uri: `mongodb://twin@127.0.0.1:${closedPort}/?authSource=admin`, database: 'twins', where: `127.0.0.1:${closedPort}` },
      secrets: {
        influxPassword: { state: 'set', masked: '••••••••', from: 'keychain' },
        mongoPassword: { state: 'set', masked: '••••••••', from: 'keychain' },
      },
    });
    const listing = await setup.service.listing();
    expect(listing.secretStorage.kind).toBe('keychain');
    const answers = JSON.stringify([info, listing]);
    for (const s of Object.values(SENTINELS)) expect(answers).not.toContain(s);
    // On disk: profiles without secrets, secrets as ciphertext only.
    for (const s of Object.values(SENTINELS)) expect(folderText()).not.toContain(s);
    const resolved = await setup.service.resolve('acme-houston');
    expect(resolved.influx).toMatchObject({ password: SENTINELS.influx, username: 'reader' });
    expect(resolved.mongo.uri).toContain(encodeURIComponent(SENTINELS.pasted));
  });

  it('change one thing and keep the rest; switching a secret to an environment variable drops the stored copy', async () => {
    setup = await setUpTenants({ dataDir: dir, host: 'electron', safeStorage, sources: null, env: { ACME_INFLUX: 'from-env' } });
    await setup.service.save(input());
    const changed = await setup.service.save({
      ...input({ mongo: { uri: `mongodb://twin@127.0.0.1:${closedPort}/?authSource=admin`, database: 'twins2' } }),
      id: 'acme-houston',
      secrets: { influxPassword: { env: 'ACME_INFLUX' } },
    });
    expect(changed.secrets.mongoPassword).toMatchObject({ state: 'set', from: 'keychain' });
    expect(changed.secrets.influxPassword).toEqual({ state: 'set', masked: '••••••••', from: 'env', where: 'ACME_INFLUX' });
    expect(changed.mongo.database).toBe('twins2');
    const vaultFile = JSON.parse(readFileSync(path.join(dir, 'tenants', 'secrets.json'), 'utf8')) as { secrets: Record<string, string> };
    expect(Object.keys(vaultFile.secrets)).toEqual(['acme-houston/mongoPassword']);
    await setup.service.remove('acme-houston');
    expect((await setup.service.listing()).tenants).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(dir, 'tenants', 'secrets.json'), 'utf8')).secrets).toEqual({});
  });

  it('refuse a typed secret when no keyring protects it, and name the alternatives', async () => {
    safeStorage.backend = 'basic_text';
    setup = await setUpTenants({ dataDir: dir, host: 'electron', safeStorage, sources: null, env: {} });
    await expect(setup.service.save(input())).rejects.toThrow(/InfluxDB password could not be kept: No keyring/);
    expect((await setup.service.listing()).tenants).toEqual([]);
    const byReference = await setup.service.save(input({ secrets: { influxPassword: { env: 'ACME_INFLUX' }, mongoPassword: { env: 'ACME_MONGO' } } }));
    expect(byReference.secrets.mongoPassword).toMatchObject({ state: 'missing', from: 'env', where: 'ACME_MONGO' });
  });

  it('report unreachable stores step by step and push errors without any secret', async () => {
    setup = await setUpTenants({ dataDir: dir, host: 'electron', safeStorage, sources: null, env: {} });
    await setup.service.save(input());
    const report = await setup.service.test('acme-houston');
    expect(report.ok).toBe(false);
    expect(report.influx?.steps.find((s) => s.id === 'tcp')).toMatchObject({ status: 'failed', detail: expect.stringMatching(/connection refused/) });
    expect(report.mongo.steps.find((s) => s.id === 'tcp')).toMatchObject({ status: 'failed', detail: expect.stringMatching(/connection refused/) });
    const push = await setup.service
      .push({ tenant: 'acme-houston', document: sampleTwin(), message: 'first', pushId: 'push-0001', otherTenantConfirmed: false, overwrite: null })
      .catch((e: unknown) => e);
    expect(push).toMatchObject({ kind: 'unreachable', where: `127.0.0.1:${closedPort}` });
    for (const s of Object.values(SENTINELS)) expect(JSON.stringify([report, push, (push as Error).message])).not.toContain(s);
  });

  it('ask before pushing a project recorded for another tenant', async () => {
    setup = await setUpTenants({ dataDir: dir, host: 'electron', safeStorage, sources: null, env: {} });
    await setup.service.save(input());
    const doc = withTenantLink(sampleTwin(), { key: 'mongodb://prod.acme.example:27017/twins', name: 'Acme prod', revision: 7 });
    const e = await setup.service
      .push({ tenant: 'acme-houston', document: doc, message: 'm', pushId: 'push-0002', otherTenantConfirmed: false, overwrite: null })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'conflict', details: { pushConflict: { reason: 'other-tenant', recorded: { name: 'Acme prod', revision: 7 } } } });
    expect((e as Error).message).toMatch(/was pushed to tenant "Acme prod".*confirm/);
    // Confirmed, it goes on to the tenant (unreachable here).
    const confirmed = await setup.service
      .push({ tenant: 'acme-houston', document: doc, message: 'm', pushId: 'push-0003', otherTenantConfirmed: true, overwrite: null })
      .catch((x: unknown) => x);
    expect(confirmed).toMatchObject({ kind: 'unreachable' });
  });

  it('refuse to push a project with errors, listing them', async () => {
    setup = await setUpTenants({ dataDir: dir, host: 'electron', safeStorage, sources: null, env: {} });
    await setup.service.save(input());
    const t = sampleTwin();
    const bad = { ...t, assets: [...t.assets, { ...t.assets[0]!, id: 'dup' }] };
    await expect(
      setup.service.push({ tenant: 'acme-houston', document: bad, message: 'm', pushId: 'push-0004', otherTenantConfirmed: false, overwrite: null }),
    ).rejects.toMatchObject({ kind: 'file-invalid', problems: expect.arrayContaining([expect.objectContaining({ severity: 'error' })]) });
  });
});

describe('tenant profiles in the web host', () => {
  it('keep typed secrets in a 0600 key file and take TWIN_TENANT_… variables first', async () => {
    setup = await setUpTenants({ dataDir: dir, host: 'web', sources: null, env: { TWIN_TENANT_ACME_HOUSTON_MONGO_PASSWORD: 'env-pw' } });
    const info = await setup.service.save(input({ mongo: { uri: `mongodb://twin@127.0.0.1:${closedPort}/`, database: 'twins' } }));
    expect(info.secrets.influxPassword).toMatchObject({ state: 'set', from: 'key-file', where: path.join(dir, 'tenants', 'secrets.keys.json') });
    expect(info.secrets.mongoPassword).toMatchObject({ state: 'set', from: 'env', where: 'TWIN_TENANT_ACME_HOUSTON_MONGO_PASSWORD' });
    const listing = await setup.service.listing();
    expect(listing.secretStorage).toMatchObject({ kind: 'key-file', description: expect.stringMatching(/readable only by you/) });
    expect((await setup.service.resolve('acme-houston')).mongo.uri).toContain(':env-pw@');
  });
});

describe('the tenant store on disk', () => {
  it('reads its version 1 fixture', async () => {
    mkdirSync(path.join(dir, 'tenants'));
    copyFileSync(path.join(__dirname, 'fixtures', 'tenants-v1.json'), path.join(dir, 'tenants', 'tenants.json'));
    const store = await TenantStore.open(dir);
    expect(store.list().map((t) => t.id)).toEqual(['acme-houston']);
    expect(store.active()).toBe('acme-houston');
    expect(store.recent('acme-houston')[0]).toMatchObject({ twinId: 'b7-plant', revision: 4 });
    expect(store.recent('other')).toEqual([]);
    expect(store.readOnlyReason()).toBeNull();
  });

  it('leaves a newer file alone and refuses changes; moves a damaged file aside and says where', async () => {
    mkdirSync(path.join(dir, 'tenants'));
    const file = path.join(dir, 'tenants', 'tenants.json');
    writeFileSync(file, JSON.stringify({ version: 2, tenants: [], future: true }));
    const newer = await TenantStore.open(dir);
    expect(newer.readOnlyReason()).toMatch(/newer Twin Studio \(version 2\)/);
    await expect(newer.setActive(null)).rejects.toMatchObject({ kind: 'file-unwritable' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 2, future: true });

    writeFileSync(file, '{"version": 1, "tenants": [');
    const damaged = await TenantStore.open(dir);
    expect(damaged.list()).toEqual([]);
    expect(damaged.notices[0]).toMatch(/damaged .* moved to .*tenants\.json\.damaged-\d+/);
    expect(readdirSync(path.join(dir, 'tenants')).some((f) => f.startsWith('tenants.json.damaged-'))).toBe(true);
  });
});

describe('isolation between tenants', () => {
  it("activating a tenant connects its InfluxDB, drops the last one's, and scopes the window cache", async () => {
    const calls: string[] = [];
    const source: TimeSeriesSource = {
      kind: 'influx1',
      catalog: async () => [],
      windows: async (keys) => {
        calls.push(`windows ${keys.join()}`);
        return keys.map((key) => ({ key, t: [0], min: [1], max: [1], mean: [1], first: [1], last: [1], count: [1] }));
      },
      valueAt: async () => [],
      raw: async () => ({ key: '', t: [], v: [], truncated: false }),
      write: async () => ({ written: 0, dropped: 0, errors: [] }),
      writeRecords: async () => ({ written: 0, dropped: 0, errors: [] }),
      deleteRange: async () => undefined,
      close: async () => undefined,
    };
    let scope = (): string => 'offline';
    const registry = new SourceRegistry({ connect: async () => ({ source, warnings: [] }) }, () => scope());
    const connected: SourceProfile[] = [];
    const sources = {
      connect: async (p: SourceProfile): Promise<SourceInfo> => {
        connected.push(p);
        return registry.connect(p);
      },
      disconnect: (id: string) => registry.disconnect(id),
    };
    setup = await setUpTenants({ dataDir: dir, host: 'electron', safeStorage, sources, env: {} });
    scope = setup.scope;
    const a = await setup.service.save(input({ name: 'Tenant A' }));
    const b = await setup.service.save(input({ name: 'Tenant B', influx: { kind: 'influx1', url: 'http://127.0.0.1:1', database: 'other' } }));
    expect(await setup.service.activate(a.id)).toEqual({ active: 'tenant-a', problem: null });
    expect(connected.at(-1)).toMatchObject({ kind: 'influx1', name: 'Tenant A InfluxDB', password: SENTINELS.influx });
    const idA = registry.list().find((s) => s.kind === 'influx1')!.id;
    await registry.get(idA).windows(['m#f'], windowLayout({ from: 0, to: 60_000 }, 1));
    await registry.get(idA).windows(['m#f'], windowLayout({ from: 0, to: 60_000 }, 1));
    expect(calls).toHaveLength(1);

    await setup.service.activate(b.id);
    expect(registry.list().map((s) => s.name)).toEqual(['Tenant B InfluxDB']);
    // Back on A, its source comes back; a window cached under B is not served under A and vice versa.
    await setup.service.activate(a.id);
    await registry.get(idA).windows(['m#f'], windowLayout({ from: 0, to: 60_000 }, 1));
    expect(setup.scope()).toBe('tenant-a');
    await setup.service.activate(null);
    expect(setup.scope()).toBe('offline');
    expect(registry.list()).toEqual([]);
    expect((await setup.service.listing()).active).toBeNull();
  });
});
