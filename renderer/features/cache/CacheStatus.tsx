import { useNotice } from '../../stores/notice-store';
import { useCache } from './cache-store';
import './cache.css';

/** The status bar's cache indicator: fill progress with Cancel while filling, a warning when it stopped, and the way to settings. */
export function CacheStatus() {
  const progress = useCache((s) => s.progress);
  const cancel = useCache((s) => s.cancelFill);
  const show = useNotice((s) => s.show);
  const filling = progress?.state === 'filling';
  const percent = filling && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <span className="cache-status">
      {filling && (
        <>
          <span
            className="cache-status__progress"
            role="progressbar"
            aria-label="Caching history"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            title={progress.message}
          >
            <span className="cache-status__bar" style={{ width: `${percent}%` }} />
            <span className="cache-status__text">Caching history {percent}%</span>
          </span>
          <button type="button" className="cache-status__cancel" onClick={() => void cancel()} aria-label="Cancel caching history">
            Cancel
          </button>
        </>
      )}
      {progress?.state === 'failed' && (
        <span className="statusbar__warn" title={progress.message}>
          History cache: {progress.failed} slice{progress.failed === 1 ? '' : 's'} failed
        </span>
      )}
      <button type="button" className="cache-status__open" onClick={() => show({ kind: 'cache-settings' })} data-command="cache.settings">
        History cache
      </button>
    </span>
  );
}
