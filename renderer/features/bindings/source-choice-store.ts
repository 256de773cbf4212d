import { create } from 'zustand';

/** Which connection of this session serves a project source, where the user had to choose. Session only. */
export interface SourceChoiceState {
  chosen: Readonly<Record<string, string>>;
  choose(projectSourceId: string, sessionSourceId: string): void;
}

export const useSourceChoice = create<SourceChoiceState>()((set, get) => ({
  chosen: {},
  choose(projectSourceId, sessionSourceId) {
    set({ chosen: { ...get().chosen, [projectSourceId]: sessionSourceId } });
  },
}));
