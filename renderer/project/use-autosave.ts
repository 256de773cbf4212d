import { useEffect } from 'react';
import { getApi } from '../api/client';
import { documentStore, selectDirty } from '../stores/document-store';
import { useApp } from '../stores/app-store';

const INTERVAL_MS = 5_000;

/**
 * Every few seconds, if there are unsaved changes not yet autosaved, write them to the recovery folder.
 * After a crash the next start offers them back. A clean save discards the recovery file.
 */
export function useAutosave(): void {
  useEffect(() => {
    let lastPosition = -1;
    let lastLoad = -1;
    let busy = false;
    const save = () => {
      const s = documentStore.getState();
      if (busy || !selectDirty(s) || (s.position === lastPosition && s.loadCount === lastLoad)) return;
      busy = true;
      const position = s.position;
      const load = s.loadCount;
      getApi()
        .writeRecovery({ session: useApp.getState().session, path: s.path, document: s.document() })
        .then(() => {
          lastPosition = position;
          lastLoad = load;
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    };
    // Serializing a big plant takes milliseconds: do it when the page is idle, not in the middle of a drag frame.
    const timer = setInterval(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(save, { timeout: 2_000 }) : save()), INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);
}
