import { useEffect, useState } from 'react';
import type { CatalogEntry } from '../../shared/series/types';
import { getApi } from '../api/client';
import { useApp } from '../stores/app-store';
import { useDocument } from '../stores/document-store';
import { useSources } from '../stores/sources-store';
import { startImport } from '../project/import-actions';
import { ConnectSourceForm } from './ConnectSourceForm';
import { errorHint } from './error-hint';
import { SensorBindingList } from '../features/bindings/SensorBindingList';
import { ProjectSourcesStatus } from '../features/bindings/ProjectSourcesStatus';
import { BindingTableActions } from '../features/bindings/BindingTableActions';
import { BindToSelection } from '../features/bindings/BindToSelection';
import { PinToChart } from '../features/charts/PinToChart';

function formatInstant(t: number, zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(t);
  } catch {
    return new Date(t).toISOString();
  }
}

/** Latest value of the selected sensor: the last point at or before now. */
function SensorDetail({ entry, source }: { entry: CatalogEntry; source: string }) {
  const zone = useDocument((s) => s.twin.meta.timeZone);
  const [value, setValue] = useState<{ t: number | null; value: number | null } | 'loading' | { error: string }>('loading');
  useEffect(() => {
    let live = true;
    getApi()
      .valueAt({ source, keys: [entry.key], at: Date.now(), channel: 'sensor-detail' })
      .then(
        ([v]) => live && setValue(v ?? { t: null, value: null }),
        (e: Error) => live && e.name !== 'AbortError' && setValue({ error: e.message }),
      );
    return () => {
      live = false;
    };
  }, [entry.key, source]);
  return (
    <div className="sensor-detail" aria-live="polite">
      <code>{entry.key}</code>
      {value === 'loading' ? (
        <p className="muted">Reading…</p>
      ) : 'error' in value ? (
        <p className="field__error">{value.error}</p>
      ) : value.t === null ? (
        <p className="muted">No value yet.</p>
      ) : (
        <p>
          Last value <strong>{value.value}</strong> {entry.unit ?? ''} at {formatInstant(value.t, zone)} ({zone})
        </p>
      )}
      <PinToChart source={source} seriesKey={entry.key} unit={entry.unit} />
    </div>
  );
}

/** The sensor browser: pick a source, search its catalog; each row is named by its series key. */
export function SensorsPanel() {
  const { sources, active, entries, loading, error } = useSources();
  const demo = useApp((s) => s.demoData);
  const [selected, setSelected] = useState<string | null>(null);
  const [connecting, setConnecting] = useState(false);
  useEffect(() => {
    void useSources.getState().refresh();
    void useSources.getState().loadCatalog();
  }, []);
  // Demo data arriving in the local store makes new sensors appear.
  useEffect(() => {
    if (demo?.state === 'ready' && active === 'local') void useSources.getState().loadCatalog();
  }, [demo?.state, active]);
  const activeInfo = sources.find((s) => s.id === active);
  const selectedEntry = entries.find((e) => e.key === selected);

  return (
    <section className="panel sensors" aria-label="Sensors">
      <h2 className="panel__title">Sensors</h2>
      <div className="field field--row">
        <label htmlFor="sensor-source">Source</label>
        <select id="sensor-source" value={active} onChange={(e) => useSources.getState().setActive(e.target.value)}>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.version ? ` (${s.kind === 'local' ? 'local' : `InfluxDB ${s.version}`})` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="sensors__actions">
        <button type="button" onClick={() => setConnecting((v) => !v)} aria-expanded={connecting} title="Connect to an InfluxDB 1.x or 2.x server">
          Connect…
        </button>
        <button type="button" onClick={() => void startImport()} title="Import a historian export (CSV or line protocol) into the local store">
          Import…
        </button>
      </div>
      {connecting && <ConnectSourceForm onDone={() => setConnecting(false)} />}
      {activeInfo && activeInfo.warnings.length > 0 && (
        <ul className="warnings" aria-label="Source warnings">
          {activeInfo.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {activeInfo && activeInfo.kind !== 'local' && (
        <button type="button" className="link" onClick={() => void useSources.getState().disconnect(activeInfo.id)}>
          Disconnect {activeInfo.name}
        </button>
      )}
      {error && (
        <div role="alert" className="source-error">
          <p>{error.message}</p>
          {errorHint(error) && <p className="muted">{errorHint(error)}</p>}
        </div>
      )}
      {active === 'local' && demo?.state === 'seeding' && <p className="muted">{demo.message}</p>}
      <ProjectSourcesStatus />
      {loading && <p className="muted">Loading…</p>}
      <SensorBindingList source={active} entries={entries} selected={selected} onSelect={setSelected} />
      {selectedEntry && <SensorDetail entry={selectedEntry} source={active} />}
      {selectedEntry && <BindToSelection entry={selectedEntry} source={active} />}
      <BindingTableActions />
    </section>
  );
}
