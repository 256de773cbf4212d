import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Fingerprint } from '../../shared/api/contract';
import { applyDiff, type StateDiff } from '../../shared/twin/diff';
import { History, type Capture } from '../../shared/twin/history';
import { emptyDocument } from '../../shared/twin/empty-document';
import type { TwinDocument } from '../../shared/twin/schema';
import { documentFromState, stateFromDocument, type TwinState } from '../../shared/twin/state';

export interface DocumentState {
  twin: TwinState;
  /** The file this project lives in, or null when it was never saved. */
  path: string | null;
  /** What the file looked like when we last read or wrote it, to detect changes by someone else. */
  fingerprint: Fingerprint | null;
  /** History position at the last load or save; differing from `position` means unsaved changes. */
  savedPosition: number;
  position: number;
  /** Set for recovered or migrated projects: unsaved even before the first edit. */
  unsavedOnLoad: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Increments on every load, so views can react (fit the view, clear selection). */
  loadCount: number;
}

export interface DocumentActions {
  /** Apply a change; `capture` says whether and how undo records it. */
  apply(diff: StateDiff, capture: Capture): void;
  /** Close the open squash step (end of a drag, a field losing focus). */
  seal(): void;
  /** Cancel the gesture in progress (Escape during a drag): back to before it, no undo step. False when none is open. */
  bail(key?: string): boolean;
  /** The key of the gesture in progress (an open squash step), or null. */
  gesture(): string | null;
  undo(): void;
  redo(): void;
  load(doc: TwinDocument, path: string | null, fingerprint: Fingerprint | null, options?: { unsaved?: boolean }): void;
  markSaved(path: string, fingerprint: Fingerprint): void;
  document(): TwinDocument;
}

export type DocumentStore = StoreApi<DocumentState & DocumentActions>;

/** A document store with its own history; the app makes one, tests make as many as they like. */
export function createDocumentStore(initial: TwinDocument = emptyDocument('untitled')): DocumentStore {
  const history = new History(200);
  return createStore<DocumentState & DocumentActions>()((set, get) => {
    const sync = (twin: TwinState) => set({ twin, position: history.position, canUndo: history.canUndo, canRedo: history.canRedo });
    return {
      twin: stateFromDocument(initial),
      path: null,
      fingerprint: null,
      savedPosition: 0,
      position: 0,
      unsavedOnLoad: false,
      canUndo: false,
      canRedo: false,
      loadCount: 0,
      apply(diff, capture) {
        const twin = applyDiff(get().twin, diff);
        history.record(diff, capture);
        sync(twin);
      },
      seal() {
        history.seal();
      },
      bail(key) {
        const d = history.bail(key);
        if (!d) return false;
        sync(applyDiff(get().twin, d));
        return true;
      },
      gesture() {
        return history.openKey;
      },
      undo() {
        const d = history.undo();
        if (d) sync(applyDiff(get().twin, d));
      },
      redo() {
        const d = history.redo();
        if (d) sync(applyDiff(get().twin, d));
      },
      load(doc, path, fingerprint, options) {
        history.clear();
        set({
          twin: stateFromDocument(doc),
          path,
          fingerprint,
          savedPosition: history.position,
          position: history.position,
          unsavedOnLoad: options?.unsaved ?? false,
          canUndo: false,
          canRedo: false,
          loadCount: get().loadCount + 1,
        });
      },
      markSaved(path, fingerprint) {
        // A save ends the open step, so the next keystroke makes the project dirty again.
        history.seal();
        set({ path, fingerprint, savedPosition: history.position, unsavedOnLoad: false });
      },
      document() {
        return documentFromState(get().twin);
      },
    };
  });
}

/** Whether the project has changes not yet saved. */
export const selectDirty = (s: DocumentState): boolean => s.unsavedOnLoad || s.position !== s.savedPosition;

export const documentStore = createDocumentStore();

/** Select a slice of the app's document store. */
export function useDocument<T>(selector: (s: DocumentState & DocumentActions) => T): T {
  return useStore(documentStore, selector);
}
