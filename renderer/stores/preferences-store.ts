import { create } from 'zustand';
import type { UiPreferences } from '../../shared/api/contract';
import { getApi } from '../api/client';
import { useNotice } from './notice-store';

export interface PreferencesState {
  /** How the user left the interface; defaults until the host's copy has been read. */
  ui: UiPreferences;
  load(ui: UiPreferences): void;
}

/** Interface preferences kept by the host between sessions (the minimap shown or hidden). */
export const usePreferences = create<PreferencesState>()((set) => ({
  ui: { showMinimap: true },
  load: (ui) => set({ ui }),
}));

/** Change interface preferences at once and keep them; a failed write is said, and the change stays for this session. */
export function setUiPreferences(patch: Partial<UiPreferences>): void {
  usePreferences.setState((s) => ({ ui: { ...s.ui, ...patch } }));
  void getApi()
    .setUiPreferences(patch)
    .catch((e: unknown) => useNotice.getState().say(`The preference was not kept for next time: ${e instanceof Error ? e.message : String(e)}`, 'error'));
}
