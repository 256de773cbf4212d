import { create } from 'zustand';
import type { CacheFillProgress, CacheStats } from '../../../shared/api/cache-schemas';
import { isTwinError } from '../../../shared/api/errors';
import { getApi } from '../../api/client';
import { useSources } from '../../stores/sources-store';
import { timeStore } from '../time/time-store';

export interface CacheState {
  /** The background fill, from the `cacheFillProgress` event. */
  progress: CacheFillProgress | null;
  stats: CacheStats | null;
  /** When the stats were read: the ages shown are relative to it. */
  statsAt: number;
  /** What the last action said (announced in the dialog). */
  notice: string | null;
  setProgress(p: CacheFillProgress): void;
  loadStats(): Promise<void>;
  clear(source?: string): Promise<void>;
  cancelFill(): Promise<void>;
  /** Forget and fetch again what the caches hold of every source over the time range shown. */
  refreshRange(): Promise<void>;
}

const message = (e: unknown) => (isTwinError(e) ? e.message : e instanceof Error ? e.message : String(e));

/** The rollup cache as the renderer sees it: fill progress, stats for settings, and the actions on it. */
export const useCache = create<CacheState>()((set, get) => ({
  progress: null,
  stats: null,
  statsAt: 0,
  notice: null,
  setProgress(progress) {
    set({ progress });
    // A finished fill changes the figures the settings show.
    if (progress.state !== 'filling' && get().stats) void get().loadStats();
  },
  async loadStats() {
    try {
      const stats = await getApi().cacheStats({});
      set({ stats, statsAt: Date.now(), progress: stats.fill });
    } catch (e) {
      set({ notice: `The cache figures could not be read: ${message(e)}` });
    }
  },
  async clear(source) {
    try {
      const { buckets } = await getApi().clearCache(source ? { source } : {});
      set({ notice: `Cleared ${buckets.toLocaleString('en')} cached buckets. Charts ask the sources again.` });
    } catch (e) {
      set({ notice: `The cache could not be cleared: ${message(e)}` });
    }
    await get().loadStats();
  },
  async cancelFill() {
    try {
      await getApi().cancelCacheFill({});
    } catch (e) {
      set({ notice: `The fill could not be stopped: ${message(e)}` });
    }
  },
  async refreshRange() {
    const range = timeStore.getState().range;
    if (!range) {
      set({ notice: 'Choose a time range first: refreshing works on the range shown.' });
      return;
    }
    try {
      const sources = useSources.getState().sources.length ? useSources.getState().sources : await getApi().listSources({});
      let series = 0;
      for (const s of sources) series += (await getApi().refreshCache({ source: s.id, from: range.from, to: range.to })).series;
      set({ notice: `Refreshing the range shown: ${series} cached series are fetched again.` });
    } catch (e) {
      set({ notice: `The range could not be refreshed: ${message(e)}` });
    }
  },
}));
