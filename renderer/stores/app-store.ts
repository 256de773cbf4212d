import { create } from 'zustand';
import type { MethodOutput } from '../../shared/api/contract';

export type AppInfo = MethodOutput<'appInfo'>;
export type DemoDataStatus = MethodOutput<'demoDataStatus'>;

export interface AppState {
  info: AppInfo | null;
  /** The recovery session id of this window. */
  session: string;
  demoData: DemoDataStatus | null;
  ready: boolean;
  setInfo(info: AppInfo): void;
  setDemoData(s: DemoDataStatus): void;
  setReady(): void;
}

function randomSession(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the host told us about itself, and session-wide flags. */
export const useApp = create<AppState>()((set) => ({
  info: null,
  session: randomSession(),
  demoData: null,
  ready: false,
  setInfo: (info) => set({ info }),
  setDemoData: (demoData) => set({ demoData }),
  setReady: () => set({ ready: true }),
}));
