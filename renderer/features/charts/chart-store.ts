import { create } from 'zustand';

/** A series pinned to the chart: it stays charted whatever is selected. */
export interface PinnedSeries {
  source: string;
  key: string;
  /** The unit the catalog gave, for a series no sensor of the twin names. */
  unit?: string | undefined;
}

/** How each series is drawn: the M4 line (every spike), or the window mean inside its min–max band. */
export type ChartView = 'line' | 'band';

export interface ChartState {
  pinned: readonly PinnedSeries[];
  view: ChartView;
  /** Units the user put on the two visible axes, in order; others follow the default choice. */
  axisUnits: readonly string[];
  /** Series hidden from the plot (still listed), by series id. */
  hidden: ReadonlySet<string>;
  /** Height of the dock in CSS pixels. */
  height: number;
  pin(s: PinnedSeries): void;
  unpin(s: PinnedSeries): void;
  clearPins(): void;
  setView(view: ChartView): void;
  /** Give a unit a visible axis: it becomes the first, the previous first becomes the second. */
  showAxis(unit: string): void;
  toggleHidden(id: string): void;
  setHeight(px: number): void;
}

const same = (a: PinnedSeries, b: PinnedSeries) => a.source === b.source && a.key === b.key;

export const MIN_DOCK_HEIGHT = 140;
export const MAX_DOCK_HEIGHT = 900;

/** What the charts show besides the selection, and how: never part of undo or the project file. */
export const useCharts = create<ChartState>()((set, get) => ({
  pinned: [],
  view: 'line',
  axisUnits: [],
  hidden: new Set(),
  height: 260,
  pin(s) {
    if (!get().pinned.some((p) => same(p, s))) set({ pinned: [...get().pinned, s] });
  },
  unpin(s) {
    set({ pinned: get().pinned.filter((p) => !same(p, s)) });
  },
  clearPins() {
    set({ pinned: [] });
  },
  setView(view) {
    set({ view });
  },
  showAxis(unit) {
    const rest = get().axisUnits.filter((u) => u !== unit);
    set({ axisUnits: [unit, ...rest].slice(0, 2) });
  },
  toggleHidden(id) {
    const hidden = new Set(get().hidden);
    if (!hidden.delete(id)) hidden.add(id);
    set({ hidden });
  },
  setHeight(px) {
    set({ height: Math.round(Math.min(MAX_DOCK_HEIGHT, Math.max(MIN_DOCK_HEIGHT, px))) });
  },
}));
