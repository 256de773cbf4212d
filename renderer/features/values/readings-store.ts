import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Reading } from '../../../shared/series/cursor-reading';
import type { EquipmentState } from '../../../shared/twin/equipment-state';

export interface ReadingsState {
  /** What each bound sensor shows at the cursor; a sensor is absent until its data is known. */
  readings: Readonly<Record<string, Reading>>;
  /** Drawn state per asset that has state sensors. */
  equipment: Readonly<Record<string, EquipmentState>>;
  /** The cursor the readings are for, and whether all of them are exact there (no approximate one left). */
  at: number | null;
  settled: boolean;
  /** Decimals per sensor (its precision, learned from its data). */
  decimals: Readonly<Record<string, number>>;
}

export type ReadingsStore = StoreApi<ReadingsState>;

export function createReadingsStore(): ReadingsStore {
  return createStore<ReadingsState>()(() => ({ readings: {}, equipment: {}, at: null, settled: false, decimals: {} }));
}

/** The app's readings at the cursor: what the value layer, the asset nodes and the inspector draw. */
export const readingsStore = createReadingsStore();

/** Select a slice of the readings; select one sensor or one asset, never the whole map, in anything drawn per frame. */
export function useReadings<T>(selector: (s: ReadingsState) => T): T {
  return useStore(readingsStore, selector);
}
