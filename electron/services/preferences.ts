import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** App preferences on disk, versioned like every persisted shape. */
const PreferencesV1 = z.object({
  version: z.literal(1),
  recentProjects: z.array(z.string()).max(50).default([]),
  lastProject: z.string().nullable().default(null),
  /** Interface preferences (the contract's UiPreferences); added to version 1 with defaults, so older files still read. */
  ui: z.object({ showMinimap: z.boolean().default(true) }).default({ showMinimap: true }),
});
export type Preferences = z.infer<typeof PreferencesV1>;

const DEFAULTS: Preferences = { version: 1, recentProjects: [], lastProject: null, ui: { showMinimap: true } };
const MAX_RECENT = 12;

/** Migrate whatever is on disk to the current version; unknown or broken files fall back to defaults. */
export function migratePreferences(raw: unknown): Preferences {
  const parsed = PreferencesV1.safeParse(raw);
  return parsed.success ? parsed.data : { ...DEFAULTS };
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

  /** Remember a project as the last one opened and first in the recent list. */
  async noteProject(projectPath: string): Promise<void> {
    const recent = [projectPath, ...this.current.recentProjects.filter((p) => p !== projectPath)].slice(0, MAX_RECENT);
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
