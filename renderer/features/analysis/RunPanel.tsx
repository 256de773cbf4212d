import { useEffect, useId, useState } from 'react';
import { documentStore, useDocument } from '../../stores/document-store';
import { useSources } from '../../stores/sources-store';
import { useTime } from '../time/time-store';
import { useAnalysis } from './analysis-store';
import { EpisodeList } from './EpisodeList';
import { FitSummary } from './FitSummary';
import { useDataExtent } from './use-data-extent';
import { dateInZone, formatInZone, midnightInZone } from './zone-format';

const DAY = 86_400_000;

/** Run a model over a range of a source: progress and cancel, then the fit summary and the episodes. */
export function RunPanel({ modelId, targetSeries, runnable }: { modelId: string; targetSeries: string | null; runnable: boolean }) {
  const zone = useDocument((s) => s.twin.meta.timeZone);
  const sources = useSources((s) => s.sources);
  const activeSource = useSources((s) => s.active);
  const [source, setSource] = useState(activeSource);
  const extent = useDataExtent(source, targetSeries);
  const timeRange = useTime((s) => s.range);
  const cursor = useTime((s) => s.cursor);
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const [write, setWrite] = useState(false);
  const state = useAnalysis((s) => s.runs[modelId]);
  const fromId = useId();
  const toId = useId();
  useEffect(() => {
    void useSources.getState().refresh();
  }, []);
  // Until the user picks a range, the run covers all the target's data.
  useEffect(() => {
    if (extent) setRange((r) => r ?? extent);
  }, [extent]);

  const running = state?.status === 'running';
  const lastDay = range ? dateInZone(range.to - 1, zone) : '';
  const start = () => {
    if (!range) return;
    void useAnalysis.getState().run(modelId, { document: documentStore.getState().document(), source, from: range.from, to: range.to, write });
  };
  return (
    <section className="analysis__run" aria-label="Run">
      <div className="analysis__row">
        <div className="field">
          <label htmlFor={`${fromId}-source`}>Source</label>
          <select id={`${fromId}-source`} value={source} onChange={(e) => setSource(e.target.value)}>
            {(sources.length ? sources : [{ id: 'local', name: 'Local store' }]).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fromId}>From</label>
          <input
            id={fromId}
            type="date"
            value={range ? dateInZone(range.from, zone) : ''}
            onChange={(e) => {
              const ms = midnightInZone(e.target.value, zone);
              if (ms !== null) setRange((r) => ({ from: ms, to: r && r.to > ms ? r.to : ms + DAY }));
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={toId}>To (last day)</label>
          <input
            id={toId}
            type="date"
            value={lastDay}
            onChange={(e) => {
              const ms = midnightInZone(e.target.value, zone);
              if (ms !== null) setRange((r) => ({ from: r && r.from < ms + DAY ? r.from : ms, to: ms + DAY }));
            }}
          />
        </div>
      </div>
      <div className="button-row">
        {timeRange && (
          <button type="button" onClick={() => setRange(timeRange)}>
            Use the time range
          </button>
        )}
        {extent && (
          <button type="button" onClick={() => setRange(extent)}>
            All data
          </button>
        )}
        <label className="inline-check">
          <input type="checkbox" checked={write} onChange={(e) => setWrite(e.target.checked)} /> Write results to the source
        </label>
      </div>
      <div className="button-row">
        <button type="button" className="primary" disabled={running || !range || !runnable} onClick={start}>
          Run
        </button>
        <button type="button" disabled={!running} onClick={() => useAnalysis.getState().cancel(modelId)}>
          Cancel
        </button>
        {!range && targetSeries && <span className="muted">Looking for the data of {targetSeries}…</span>}
      </div>
      {state && (state.status === 'running' || state.status === 'cancelled') && (
        <div className="analysis__progress">
          <div
            role="progressbar"
            aria-label="Run progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(state.fraction * 100)}
            aria-valuetext={state.message}
            className="analysis__bar"
          >
            <div className="analysis__bar-fill" style={{ width: `${Math.round(state.fraction * 100)}%` }} />
          </div>
          <span className="muted">{state.message}</span>
        </div>
      )}
      {state?.status === 'failed' && state.error && (
        <div role="alert" className="analysis__error">
          <p>{state.error.message}</p>
          {state.error.problems && state.error.problems.length > 1 && (
            <ul>
              {state.error.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code> {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state?.result && (
        <>
          <FitSummary run={state.result} zone={zone} />
          {state.result.written && (
            <p className="muted">
              Wrote {state.result.written.predictions.written.toLocaleString('en')} predictions and {state.result.written.alerts.written} alerts, replacing this
              model's earlier results in the range.
            </p>
          )}
          <h3 className="analysis__heading">Episodes ({state.result.episodes.length})</h3>
          <EpisodeList run={state.result} zone={zone} />
        </>
      )}
      {cursor !== null && (
        <p className="muted analysis__cursor" data-time-cursor={cursor}>
          Time cursor at {formatInZone(cursor, zone)} ({zone})
        </p>
      )}
    </section>
  );
}
