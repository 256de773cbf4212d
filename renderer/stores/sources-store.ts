import { create } from 'zustand';
import type { CatalogEntry } from '../../shared/series/types';
import type { SourceInfo, SourceProfile } from '../../shared/api/source-schemas';
import { isTwinError, type TwinErrorData } from '../../shared/api/errors';
import { getApi } from '../api/client';

export interface SourcesState {
  sources: SourceInfo[];
  /** Whether `sources` has been listed from main at least once (before that, nothing is known to be unconnected). */
  listed: boolean;
  active: string;
  search: string;
  entries: CatalogEntry[];
  loading: boolean;
  /** The last failure of a catalog load or a connection attempt, with its kind. */
  error: TwinErrorData | null;
  refresh(): Promise<void>;
  setActive(id: string): void;
  setSearch(text: string): void;
  loadCatalog(): Promise<void>;
  connect(profile: SourceProfile): Promise<SourceInfo | null>;
  disconnect(id: string): Promise<void>;
}

function errorData(e: unknown): TwinErrorData {
  return isTwinError(e) ? e.toData() : { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
}

let catalogSeq = 0;

/** Data sources of this session and the sensor catalog of the one being browsed. */
export const useSources = create<SourcesState>()((set, get) => ({
  sources: [],
  listed: false,
  active: 'local',
  search: '',
  entries: [],
  loading: false,
  error: null,
  async refresh() {
    try {
      set({ sources: await getApi().listSources({}), listed: true });
    } catch (e) {
      set({ error: errorData(e) });
    }
  },
  setActive(id) {
    set({ active: id, entries: [], error: null });
    void get().loadCatalog();
  },
  setSearch(text) {
    set({ search: text });
    void get().loadCatalog();
  },
  async loadCatalog() {
    const seq = ++catalogSeq;
    const { active, search } = get();
    set({ loading: true });
    try {
      const entries = await getApi().catalog({ source: active, limit: 100_000, ...(search.trim() ? { search: search.trim() } : {}) });
      // Typing fast sends several requests; only the newest answer is shown.
      if (seq === catalogSeq) set({ entries, loading: false, error: null });
    } catch (e) {
      if (seq === catalogSeq) set({ loading: false, error: errorData(e), entries: [] });
    }
  },
  async connect(profile) {
    try {
      const info = await getApi().connectSource({ profile });
      await get().refresh();
      get().setActive(info.id);
      return info;
    } catch (e) {
      set({ error: errorData(e) });
      return null;
    }
  },
  async disconnect(id) {
    try {
      await getApi().disconnectSource({ source: id });
    } catch (e) {
      set({ error: errorData(e) });
    }
    await get().refresh();
    if (get().active === id) get().setActive('local');
  },
}));
