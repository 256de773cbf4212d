import { useEffect } from 'react';
import { documentStore, selectDirty } from '../stores/document-store';

/** Closing the window or the tab with unsaved changes asks first (Electron turns this into a native dialog). */
export function useBeforeUnload(): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (selectDirty(documentStore.getState())) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
