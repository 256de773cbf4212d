import { create, type StateCreator } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

const EMPTY: ReadonlySet<string> = new Set();

export interface ViewState {
  selectedAssets: ReadonlySet<string>;
  selectedConnections: ReadonlySet<string>;
  paletteSearch: string;
  findOpen: boolean;
  /** Asset to bring into view (find by tag); the canvas consumes it. */
  focusRequest: { id: string; seq: number } | null;
  select(assets: Iterable<string>, connections?: Iterable<string>): void;
  clearSelection(): void;
  setPaletteSearch(text: string): void;
  setFindOpen(open: boolean): void;
  focusAsset(id: string): void;
}

const viewState: StateCreator<ViewState> = (set, get) => ({
  selectedAssets: EMPTY,
  selectedConnections: EMPTY,
  paletteSearch: '',
  findOpen: false,
  focusRequest: null,
  select(assets, connections = []) {
    set({ selectedAssets: new Set(assets), selectedConnections: new Set(connections) });
  },
  clearSelection() {
    if (get().selectedAssets.size || get().selectedConnections.size) set({ selectedAssets: EMPTY, selectedConnections: EMPTY });
  },
  setPaletteSearch(text) {
    set({ paletteSearch: text });
  },
  setFindOpen(open) {
    set({ findOpen: open });
  },
  focusAsset(id) {
    set({ focusRequest: { id, seq: (get().focusRequest?.seq ?? 0) + 1 }, selectedAssets: new Set([id]), selectedConnections: EMPTY });
  },
});

export type ViewStore = StoreApi<ViewState>;

/** A view store of its own, for an editor made in a test. */
export function createViewStore(): ViewStore {
  return createStore<ViewState>()(viewState);
}

/** Selection, panels and viewport requests: never part of undo. */
export const useView = create<ViewState>()(viewState);
