import { useEffect } from 'react';
import { Modal } from '../../dialogs/Modal';
import { useSources } from '../../stores/sources-store';
import { useTime } from '../time/time-store';
import { useCache } from './cache-store';
import { formatAge, formatBytes } from './cache-format';
import './cache.css';

/** "3 days ago – just now", or one age when both ends read the same. */
function fillAges(now: number, oldest: number | null, newest: number | null): string {
  if (oldest === null) return '—';
  const a = formatAge(now - oldest);
  const b = formatAge(now - (newest ?? oldest));
  return a === b ? a : `${a} – ${b}`;
}

/**
 * Settings of the history (rollup) cache: how big it is against its bound, what each source has cached and
 * how old it is, and the actions: refresh the range shown, clear one source, clear everything.
 */
export function CacheSettingsDialog({ onClose }: { onClose(): void }) {
  const stats = useCache((s) => s.stats);
  const now = useCache((s) => s.statsAt);
  const notice = useCache((s) => s.notice);
  const progress = useCache((s) => s.progress);
  const { loadStats, clear, refreshRange, cancelFill } = useCache.getState();
  const sources = useSources((s) => s.sources);
  const hasRange = useTime((s) => s.range !== null);
  useEffect(() => {
    void loadStats();
    // Sources are named as the Sensors panel names them, which may not have loaded them yet.
    if (useSources.getState().sources.length === 0) void useSources.getState().refresh();
  }, [loadStats]);
  const nameOf = (id: string) => sources.find((s) => s.id === id)?.name ?? id;
  return (
    <Modal title="History cache" onClose={onClose} className="cache-settings">
      <p className="cache-settings__summary">
        Long ranges are answered from buckets kept in the local store, per tenant and source; the newest hour always comes from the source.
      </p>
      {stats && (
        <>
          <p>
            Tenant <strong>{stats.tenant}</strong>: {formatBytes(stats.usedBytes)} of {formatBytes(stats.maxBytes)} used; the least recently used ranges go
            first beyond that.
          </p>
          <meter className="cache-settings__meter" min={0} max={stats.maxBytes} value={stats.usedBytes} aria-label="Cache size" />
          {stats.sources.length === 0 ? (
            <p>Nothing is cached yet: it fills as you look at long ranges.</p>
          ) : (
            <table>
              <caption className="cache-settings__sr">Cached history per source</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Series</th>
                  <th scope="col">Size</th>
                  <th scope="col">Filled</th>
                  <th scope="col">
                    <span className="cache-settings__sr">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.sources.map((s) => (
                  <tr key={s.source} data-source={s.source}>
                    <th scope="row">{nameOf(s.source)}</th>
                    <td className="num">{s.series}</td>
                    <td className="num">{formatBytes(s.bytes)}</td>
                    <td>{fillAges(now, s.oldestFill, s.newestFill)}</td>
                    <td>
                      <button type="button" onClick={() => void clear(s.source)}>
                        Clear {nameOf(s.source)}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {progress?.state === 'filling' && (
        <p>
          {progress.message}{' '}
          <button type="button" onClick={() => void cancelFill()}>
            Stop filling
          </button>
        </p>
      )}
      <p className="cache-settings__notice" role="status">
        {notice ?? ''}
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void refreshRange().then(loadStats)}
          disabled={!hasRange}
          title={hasRange ? undefined : 'Choose a time range first'}
        >
          Refresh the range shown
        </button>
        <button type="button" className="danger" onClick={() => void clear()} disabled={!stats || stats.sources.length === 0}>
          Clear all
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
