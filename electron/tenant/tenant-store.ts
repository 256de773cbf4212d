import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { twinError } from '../../shared/api/errors';
import { EMPTY_TENANT_STORE, readTenantStore, type RecentTwin, type TenantStoreData } from '../../shared/tenant/tenant-store-format';
import type { TenantProfile } from '../../shared/tenant/tenant-schema';
import { writeFileAtomic } from '../services/project-files/atomic-write';
import { errnoCode } from '../services/project-files/fs-errors';

export type StoredTenant = TenantProfile & { id: string };

const MAX_RECENT = 12;

/**
 * The tenant profiles in the data folder. Writes are atomic and serialized. A file from a newer version is
 * left untouched (the app then refuses to change profiles and says why); a damaged file is moved aside,
 * named in a notice, never silently overwritten.
 */
export class TenantStore {
  private data: TenantStoreData = structuredClone(EMPTY_TENANT_STORE);
  private chain: Promise<unknown> = Promise.resolve();
  /** Why the store cannot be written, when it cannot. */
  private readOnly: string | null = null;
  /** Things the user should know about the store (a damaged file moved aside). */
  readonly notices: string[] = [];

  private constructor(readonly file: string) {}

  static async open(dataDir: string): Promise<TenantStore> {
    const store = new TenantStore(path.join(dataDir, 'tenants', 'tenants.json'));
    let text: string | undefined;
    try {
      text = await readFile(store.file, 'utf8');
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') store.readOnly = `${store.file} cannot be read (${errnoCode(e) ?? 'error'}).`;
    }
    if (text === undefined) return store;
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Handled as damaged below.
    }
    const reading = readTenantStore(json);
    if (reading.kind === 'ok') store.data = reading.data;
    else if (reading.kind === 'newer') {
      store.readOnly = `${store.file} was written by a newer Twin Studio (version ${reading.version}); update Twin Studio to change tenants. Nothing was changed.`;
    } else {
      const aside = `${store.file}.damaged-${Date.now()}`;
      await rename(store.file, aside).catch(() => undefined);
      store.notices.push(`The tenant profiles file was damaged (${reading.reason}); it was moved to ${aside} and the list starts empty.`);
    }
    return store;
  }

  /** Why changes are refused, or null. */
  readOnlyReason(): string | null {
    return this.readOnly;
  }

  list(): StoredTenant[] {
    return this.data.tenants;
  }

  get(id: string): StoredTenant {
    const t = this.data.tenants.find((x) => x.id === id);
    if (!t) throw twinError('not-found', `There is no tenant profile "${id}"; it may have been deleted. Add it again in the Tenant panel.`, { where: id });
    return t;
  }

  /** A profile by id or, failing that, by name (case-insensitive), for the CLI's --tenant NAME. */
  find(idOrName: string): StoredTenant | undefined {
    return this.data.tenants.find((t) => t.id === idOrName) ?? this.data.tenants.find((t) => t.name.toLowerCase() === idOrName.toLowerCase());
  }

  active(): string | null {
    return this.data.active;
  }

  recent(tenantId: string): RecentTwin[] {
    return this.data.recent[tenantId] ?? [];
  }

  /** A fresh id from a name: `acme-houston`, `acme-houston-2`. */
  newId(name: string): string {
    const base =
      name
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 48) || 'tenant';
    let id = base;
    for (let n = 2; this.data.tenants.some((t) => t.id === id); n++) id = `${base}-${n}`;
    return id;
  }

  async put(profile: StoredTenant): Promise<void> {
    const tenants = this.data.tenants.some((t) => t.id === profile.id)
      ? this.data.tenants.map((t) => (t.id === profile.id ? profile : t))
      : [...this.data.tenants, profile];
    await this.write({ ...this.data, tenants });
  }

  async remove(id: string): Promise<void> {
    const { [id]: _gone, ...recent } = this.data.recent;
    await this.write({
      ...this.data,
      tenants: this.data.tenants.filter((t) => t.id !== id),
      active: this.data.active === id ? null : this.data.active,
      recent,
    });
  }

  async setActive(id: string | null): Promise<void> {
    if (id !== null) this.get(id);
    await this.write({ ...this.data, active: id });
  }

  async noteTwin(tenantId: string, twin: RecentTwin): Promise<void> {
    const list = [twin, ...this.recent(tenantId).filter((t) => t.twinId !== twin.twinId)].slice(0, MAX_RECENT);
    await this.write({ ...this.data, recent: { ...this.data.recent, [tenantId]: list } });
  }

  private async write(next: TenantStoreData): Promise<void> {
    if (this.readOnly) throw twinError('file-unwritable', this.readOnly, { where: this.file });
    this.data = next;
    const text = `${JSON.stringify(next, null, 2)}\n`;
    const run = this.chain.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file, text, { mode: 0o600 });
    });
    this.chain = run.catch(() => undefined);
    await run;
  }
}
