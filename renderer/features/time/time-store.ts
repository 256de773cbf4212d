import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { RangeAnchor } from '../../../shared/time/range-presets';

/** A half-open range [from, to) in epoch milliseconds. */
export interface TimeRange {
  from: number;
  to: number;
}

/** How fast playing moves the cursor: simulated seconds per real second. */
export const PLAY_SPEEDS = [1, 60, 600, 3_600, 86_400] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

/** What chose the range: a preset of the range picker, or a custom range (typed, or zoomed on a chart). */
export type RangePreset = '1h' | '24h' | '7d' | '30d' | '1y' | 'all' | 'custom';

export interface TimeState {
  /** The one range every view shows (schematic, charts, analysis); null until a range is chosen. */
  range: TimeRange | null;
  preset: RangePreset;
  /** Ranges zoomed out of, newest last: a chart zoom pushes, "back" pops. */
  previous: readonly TimeRange[];
  /** The instant the schematic and the charts show (epoch ms), inside the range; null without a range. */
  cursor: number | null;
  /** True while the cursor is dragged or played: views draw from loaded windows and mark values approximate. */
  moving: boolean;
  playing: boolean;
  speed: PlaySpeed;
  /** Where presets end (the newest data of the bound sensors, or now) and why; null until it is known. */
  anchor: RangeAnchor | null;
}

export interface TimeActions {
  /** Choose a new range (range picker); forgets the zoom stack and keeps the cursor inside it. */
  setRange(range: TimeRange, preset?: RangePreset): void;
  /** Zoom into a part of the range (chart drag); `zoomBack` returns to the range before. */
  zoomTo(range: TimeRange): void;
  zoomBack(): void;
  /** Move the cursor, clamped into the range; `moving` marks a drag or play in progress. */
  setCursor(t: number, moving?: boolean): void;
  /** The cursor came to rest: views fetch exact values. */
  rest(): void;
  play(): void;
  pause(): void;
  setSpeed(speed: PlaySpeed): void;
  setAnchor(anchor: RangeAnchor | null): void;
}

export type TimeStore = StoreApi<TimeState & TimeActions>;

function validRange(r: TimeRange): TimeRange {
  if (!Number.isFinite(r.from) || !Number.isFinite(r.to) || r.to <= r.from) throw new Error(`A time range needs from < to (got ${r.from} … ${r.to}).`);
  return { from: Math.floor(r.from), to: Math.ceil(r.to) };
}

/** The last instant a cursor may show in a half-open range. */
function clampInto(t: number, r: TimeRange): number {
  return Math.min(Math.max(Math.round(t), r.from), r.to - 1);
}

/** A time store of its own; the app makes one, tests as many as they like. */
export function createTimeStore(): TimeStore {
  return createStore<TimeState & TimeActions>()((set, get) => ({
    range: null,
    preset: '30d',
    previous: [],
    cursor: null,
    moving: false,
    playing: false,
    speed: 3_600,
    anchor: null,
    setRange(range, preset = 'custom') {
      const r = validRange(range);
      const { cursor } = get();
      set({ range: r, preset, previous: [], cursor: cursor === null ? r.to - 1 : clampInto(cursor, r) });
    },
    zoomTo(range) {
      const current = get().range;
      const r = validRange(range);
      const { cursor } = get();
      set({
        range: r,
        preset: 'custom',
        previous: current ? [...get().previous, current] : get().previous,
        cursor: cursor === null ? r.from : clampInto(cursor, r),
      });
    },
    zoomBack() {
      const previous = get().previous;
      const back = previous[previous.length - 1];
      if (!back) return;
      const { cursor } = get();
      set({ range: back, previous: previous.slice(0, -1), cursor: cursor === null ? back.to - 1 : clampInto(cursor, back) });
    },
    setCursor(t, moving = false) {
      const { range } = get();
      if (!range || !Number.isFinite(t)) return;
      set({ cursor: clampInto(t, range), moving });
    },
    rest() {
      if (get().moving) set({ moving: false });
    },
    play() {
      if (get().range) set({ playing: true, moving: true });
    },
    pause() {
      set({ playing: false, moving: false });
    },
    setSpeed(speed) {
      set({ speed });
    },
    setAnchor(anchor) {
      set({ anchor });
    },
  }));
}

/** The app's time store: range, cursor and play state shared by the schematic, the charts and the analysis. */
export const timeStore = createTimeStore();

/** Select a slice of the app's time store. */
export function useTime<T>(selector: (s: TimeState & TimeActions) => T): T {
  return useStore(timeStore, selector);
}
