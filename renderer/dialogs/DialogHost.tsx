import { lazy, Suspense } from 'react';
import { useNotice } from '../stores/notice-store';
import { ConfirmDiscardDialog, ConflictDialog, RecoveryDialog } from './ChoiceDialogs';
import { ErrorDialog } from './ErrorDialog';
import { OpenDialog, SaveAsDialog } from './PathDialogs';

// Loaded on first use, with the import option schemas it needs: not part of opening a window.
const CacheSettingsDialog = lazy(() => import('../features/cache/CacheSettingsDialog').then((m) => ({ default: m.CacheSettingsDialog })));
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));

/** Shows the one current dialog. */
export function DialogHost() {
  const dialog = useNotice((s) => s.dialog);
  const close = useNotice((s) => s.close);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'error':
      return <ErrorDialog {...dialog} onClose={close} />;
    case 'open':
      return <OpenDialog onClose={close} />;
    case 'save-as':
      return <SaveAsDialog onClose={close} />;
    case 'conflict':
      return <ConflictDialog path={dialog.path} message={dialog.message} onClose={close} />;
    case 'recovery':
      return <RecoveryDialog entries={dialog.entries} onClose={close} />;
    case 'confirm-discard':
      return <ConfirmDiscardDialog action={dialog.action} {...(dialog.path ? { path: dialog.path } : {})} onClose={close} />;
    case 'import':
      return (
        <Suspense fallback={null}>
          <ImportDialog paths={dialog.paths} onClose={close} />
        </Suspense>
      );
    case 'cache-settings':
      return (
        <Suspense fallback={null}>
          <CacheSettingsDialog onClose={close} />
        </Suspense>
      );
  }
}
