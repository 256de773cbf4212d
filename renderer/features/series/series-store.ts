import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { learnProfile, type SeriesProfile } from '../../../shared/series/series-profile';
import type { SeriesWindows, WindowLayout } from '../../../shared/series/types';

/** A series in a source: `source` NUL `series key`, so the same key in two sources stays two series. */
export type SeriesRef = string;

/** The ref of a series key in a source. */
export function seriesRef(source: string, key: string): SeriesRef {
  return `${source}\u0000${key}`;
}

/** The windows of one series over the range, and what was learned from them. */
export interface LoadedSeries {
  windows: SeriesWindows;
  profile: SeriesProfile;
  /** The layout the windows follow: the range's, or the one the source snapped them to (whole buckets). */
  layout: WindowLayout;
}

/** A point at or before an instant, or null when the series has none. */
export type ExactPoint = { t: number; value: number } | null;

export interface SeriesDataState {
  /** The window layout of the range the windows belong to; null before the first load. */
  layout: WindowLayout | null;
  /** Windows per series over `layout`; a series is absent until its windows arrive. */
  windows: Readonly<Record<SeriesRef, LoadedSeries>>;
  /** Series whose windows are still being fetched for `layout`. */
  pending: number;
  /** Exact values (the source's valueAt) at one instant, per series; null when none were asked for there. */
  exact: { at: number; values: Readonly<Record<SeriesRef, ExactPoint>> } | null;
  /** Sources that could not be read, with what they said; their series are drawn missing. */
  failures: Readonly<Record<string, string>>;
}

export interface SeriesDataActions {
  /** Start loading a new range: forget windows of the old one. */
  beginRange(layout: WindowLayout, pending: number): void;
  /**
   * Windows that arrived for a layout (ignored when the range has moved on). `actual` is the layout they
   * follow when the source snapped them to whole buckets; profiles and window ends are learned on it.
   */
  addWindows(layout: WindowLayout, windows: readonly { ref: SeriesRef; windows: SeriesWindows }[], actual?: WindowLayout): void;
  /** Windows that will not arrive (a failed request). */
  dropPending(layout: WindowLayout, count: number): void;
  /** Exact values at an instant; values at another instant are replaced, at the same one merged. */
  addExact(at: number, values: Readonly<Record<SeriesRef, ExactPoint>>): void;
  setFailure(source: string, message: string | null): void;
}

export type SeriesStore = StoreApi<SeriesDataState & SeriesDataActions>;

const sameLayout = (a: WindowLayout | null, b: WindowLayout) => !!a && a.from === b.from && a.to === b.to && a.width === b.width;

/** A series-data store of its own; the app makes one, tests as many as they like. */
export function createSeriesStore(): SeriesStore {
  return createStore<SeriesDataState & SeriesDataActions>()((set, get) => ({
    layout: null,
    windows: {},
    pending: 0,
    exact: null,
    failures: {},
    beginRange(layout, pending) {
      set({ layout, windows: {}, pending });
    },
    addWindows(layout, list, actual = layout) {
      if (!sameLayout(get().layout, layout)) return;
      const windows = { ...get().windows };
      for (const w of list) windows[w.ref] = { windows: w.windows, profile: learnProfile(w.windows, actual), layout: actual };
      set({ windows, pending: Math.max(0, get().pending - list.length) });
    },
    dropPending(layout, count) {
      if (sameLayout(get().layout, layout)) set({ pending: Math.max(0, get().pending - count) });
    },
    addExact(at, values) {
      const current = get().exact;
      set({ exact: { at, values: current && current.at === at ? { ...current.values, ...values } : values } });
    },
    setFailure(source, message) {
      const failures = { ...get().failures };
      if (message === null) {
        if (!(source in failures)) return;
        delete failures[source];
      } else if (failures[source] === message) return;
      else failures[source] = message;
      set({ failures });
    },
  }));
}

/** The app's series data: windows of the range and exact values at the cursor, for every bound series. */
export const seriesStore = createSeriesStore();

/** Select a slice of the app's series data. */
export function useSeriesData<T>(selector: (s: SeriesDataState & SeriesDataActions) => T): T {
  return useStore(seriesStore, selector);
}
