import { create } from 'zustand';
import type { Suggestion } from '../../../shared/bindings/suggest';
import { suggestBindingsInSteps } from '../../../shared/bindings/suggest';
import type { SeriesStats } from '../../../shared/api/binding-schemas';
import type { CatalogEntry } from '../../../shared/series/types';
import type { TwinState } from '../../../shared/twin/state';
import { isTwinError } from '../../../shared/api/errors';
import type { EditorApi } from '../../commands/editor';

/** Suggestions for the series of one session source, with the per-series stats they were made from. */
export interface SuggestionsState {
  source: string | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  message: string;
  suggestions: Suggestion[];
  /** Compute suggestions for the unbound series of a source: stats from main, then the engine here. */
  compute(api: EditorApi, twin: TwinState, source: string, entries: readonly CatalogEntry[], bound: ReadonlySet<string>): Promise<void>;
  /** Take series off the list (accepted or rejected). */
  drop(series: readonly string[]): void;
  clear(): void;
}

const CHUNK = 1_000;
let run = 0;

export const useSuggestions = create<SuggestionsState>()((set, get) => ({
  source: null,
  status: 'idle',
  message: '',
  suggestions: [],
  async compute(api, twin, source, entries, bound) {
    const seq = ++run;
    const keys = entries.map((e) => e.key).filter((k) => !bound.has(k));
    set({ source, status: 'loading', message: `Reading recent values of ${keys.length} series…`, suggestions: [] });
    const stats: SeriesStats[] = [];
    try {
      for (let i = 0; i < keys.length; i += CHUNK) {
        stats.push(...(await api.seriesStats({ source, keys: keys.slice(i, i + CHUNK), channel: `suggest:${source}` })));
        if (seq !== run) return;
        set({ message: `Reading recent values… ${Math.min(i + CHUNK, keys.length)} of ${keys.length} series` });
      }
    } catch (e) {
      if (seq === run) set({ status: 'failed', message: `Could not read the series' values: ${isTwinError(e) || e instanceof Error ? e.message : String(e)}` });
      return;
    }
    const units = new Map(entries.map((e) => [e.key, e.unit ?? null]));
    const suggestions = await suggestBindingsInSteps(
      twin,
      stats.map((s) => ({ key: s.key, unit: s.unit ?? units.get(s.key) ?? null, stats: s })),
      {
        // A macrotask between batches: the page paints and takes input while a large catalog is read.
        pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
        progress: (done) => seq === run && set({ message: `Matching names… ${done} of ${stats.length} series` }),
      },
    );
    if (seq === run) set({ status: 'ready', suggestions, message: `${suggestions.length} suggestions for ${keys.length} unbound series.` });
  },
  drop(series) {
    const gone = new Set(series);
    set({ suggestions: get().suggestions.filter((s) => !gone.has(s.series)) });
  },
  clear() {
    run++;
    set({ source: null, status: 'idle', message: '', suggestions: [] });
  },
}));
