import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const Ui = z.object({ showMinimap: z.boolean().default(true) }).default({ showMinimap: true });

/** Version 1: recent projects as bare paths. */
const PreferencesV1 = z.object({
  version: z.literal(1),
  recentProjects: z.array(z.string()).max(50).default([]),
  lastProject: z.string().nullable().default(null),
  /** Interface preferences (the contract's UiPreferences); added to version 1 with defaults, so older files still read. */
  ui: Ui,
});

/** A recent project and the tenant it belongs to (the key of the tenant it was pushed to or pulled from; null when none). */
const RecentProject = z.object({ path: z.string(), tenant: z.string().nullable() });
export type RecentProject = z.infer<typeof RecentProject>;

/** Version 2: each recent project carries its tenant, so working for one tenant never lists another's projects. */
const PreferencesV2 = z.object({
  version: z.literal(2),
  recentProjects: z.array(RecentProject).max(50).default([]),
  lastProject: z.string().nullable().default(null),
  ui: Ui,
});
export type Preferences = z.infer<typeof PreferencesV2>;

const DEFAULTS: Preferences = { version: 2, recentProjects: [], lastProject: null, ui: { showMinimap: true } };
const MAX_RECENT = 12;

/** Migrate whatever is on disk to the current version; unknown or broken files fall back to defaults. */
export function migratePreferences(raw: unknown): Preferences {
  const v2 = PreferencesV2.safeParse(raw);
  if (v2.success) return v2.data;
  const v1 = PreferencesV1.safeParse(raw);
  // Version 1 did not know the tenant of its projects: they count as belonging to none.
  if (v1.success) return { ...v1.data, version: 2, recentProjects: v1.data.recentProjects.map((p) => ({ path: p, tenant: null })) };
  return { ...DEFAULTS };
}

/**
 * The recent projects to list while working for a tenant (its key; null when working for none): projects of
 * that tenant and projects of no tenant. Projects of another tenant are listed only when working for none.
 */
export function recentFor(recent: readonly RecentProject[], tenant: string | null): RecentProject[] {
  return tenant === null ? [...recent] : recent.filter((r) => r.tenant === null || r.tenant === tenant);
}

/** Preferences kept in the data folder; writes are atomic and serialized. */
export class PreferencesStore {
  private current: Preferences = { ...DEFAULTS };
  private chain: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  static async open(dataDir: string): Promise<PreferencesStore> {
    const store = new PreferencesStore(path.join(dataDir, 'preferences.json'));
    try {
      store.current = migratePreferences(JSON.parse(await readFile(store.file, 'utf8')));
    } catch {
      // First start, or a damaged file: start from defaults rather than refuse to start.
    }
    return store;
  }

  get(): Preferences {
    return this.current;
  }

  /** Remember a project, with the tenant it belongs to, as the last one opened and first in the recent list. */
  async noteProject(projectPath: string, tenant: string | null): Promise<void> {
    const recent = [{ path: projectPath, tenant }, ...this.current.recentProjects.filter((p) => p.path !== projectPath)].slice(0, MAX_RECENT);
    await this.update({ ...this.current, recentProjects: recent, lastProject: projectPath });
  }

  /** Change interface preferences; fields left out keep their value. */
  async updateUi(patch: Partial<Preferences['ui']>): Promise<Preferences['ui']> {
    const ui = { ...this.current.ui, ...patch };
    await this.update({ ...this.current, ui });
    return ui;
  }

  async update(next: Preferences): Promise<void> {
    this.current = next;
    const data = JSON.stringify(next, null, 2);
    this.chain = this.chain.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, this.file);
    });
    await this.chain;
  }
}
