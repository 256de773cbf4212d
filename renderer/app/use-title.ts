import { useEffect } from 'react';
import { selectDirty, useDocument } from '../stores/document-store';
import { fileName } from '../project/file-name';

/** The window title shows the file and a dirty mark; Electron mirrors document.title into the window. */
export function useTitle(): void {
  const path = useDocument((s) => s.path);
  const name = useDocument((s) => s.twin.meta.name);
  const dirty = useDocument(selectDirty);
  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${path ? fileName(path) : `${name} (not saved)`} — Twin Studio`;
  }, [path, name, dirty]);
}
