import { create } from 'zustand';

export type SensorFilter = 'all' | 'unbound' | 'bound' | 'suggested';

/** How the Sensors panel shows bindings: the filter, and whether a bubble dropped on empty canvas is wired to the nearest asset. */
export interface BindingsViewState {
  filter: SensorFilter;
  linkDropped: boolean;
  setFilter(filter: SensorFilter): void;
  setLinkDropped(link: boolean): void;
}

export const useBindingsView = create<BindingsViewState>()((set) => ({
  filter: 'all',
  linkDropped: false,
  setFilter: (filter) => set({ filter }),
  setLinkDropped: (linkDropped) => set({ linkDropped }),
}));
