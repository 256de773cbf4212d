import { create } from 'zustand';
import type { Problem } from '../../shared/api/errors';

export interface Status {
  text: string;
  tone: 'info' | 'error';
  seq: number;
}

/** A modal the app shows; one at a time. */
export type Dialog =
  | { kind: 'error'; title: string; message: string; where?: string; problems?: Problem[] }
  | { kind: 'open' }
  | { kind: 'save-as'; then?: 'close' }
  | { kind: 'conflict'; path: string; message: string }
  | { kind: 'recovery'; entries: { id: string; path: string | null; name: string; savedAt: number }[] }
  | { kind: 'confirm-discard'; action: 'new' | 'open' | 'open-demo' | 'open-path'; path?: string }
  | { kind: 'import'; paths: string[] }
  | { kind: 'cache-settings' };

export interface NoticeState {
  status: Status | null;
  dialog: Dialog | null;
  say(text: string, tone?: Status['tone']): void;
  show(dialog: Dialog): void;
  close(): void;
}

/** Status line (announced to screen readers) and the current dialog. */
export const useNotice = create<NoticeState>()((set, get) => ({
  status: null,
  dialog: null,
  say(text, tone = 'info') {
    set({ status: { text, tone, seq: (get().status?.seq ?? 0) + 1 } });
  },
  show(dialog) {
    set({ dialog });
  },
  close() {
    set({ dialog: null });
  },
}));
