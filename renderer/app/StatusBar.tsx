import { useApp } from '../stores/app-store';
import { useDocument, selectDirty } from '../stores/document-store';
import { useNotice } from '../stores/notice-store';
import { fileName } from '../project/file-name';
import { CacheStatus } from '../features/cache/CacheStatus';

/** The status line: the last thing that happened (announced politely), the file, and the demo data state. */
export function StatusBar() {
  const status = useNotice((s) => s.status);
  const path = useDocument((s) => s.path);
  const dirty = useDocument(selectDirty);
  const demo = useApp((s) => s.demoData);
  return (
    <footer className="statusbar">
      <p className={`statusbar__message${status?.tone === 'error' ? ' statusbar__message--error' : ''}`} role="status" aria-live="polite" data-testid="status">
        {status?.text ?? 'Ready.'}
      </p>
      {demo && demo.state === 'seeding' && (
        <span
          className="statusbar__progress"
          role="progressbar"
          aria-label="Writing demo plant data"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(demo.fraction * 100)}
        >
          Demo data {Math.round(demo.fraction * 100)}%
        </span>
      )}
      {demo && demo.state === 'failed' && <span className="statusbar__warn">Demo data: {demo.message}</span>}
      <CacheStatus />
      <span className="statusbar__file" title={path ?? 'Not saved yet'}>
        {path ? fileName(path) : 'Not saved'}
        {dirty ? ' • unsaved changes' : ''}
      </span>
    </footer>
  );
}
