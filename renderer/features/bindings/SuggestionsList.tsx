import { useMemo, useState } from 'react';
import { DEFAULT_THRESHOLD, type Suggestion } from '../../../shared/bindings/suggest';
import type { CatalogEntry } from '../../../shared/series/types';
import { appEditor } from '../../commands/app-editor';
import { runCommand } from '../../commands/registry';
import { documentStore, useDocument } from '../../stores/document-store';
import { useSuggestions } from './suggestions-store';
import './bindings.css';

const pct = (c: number) => `${Math.round(c * 100)} %`;

/** The suggested bindings of the series the project does not bind yet, to review: accept, reject, or accept all above a confidence. */
export function SuggestionsList({ source, entries, bound }: { source: string; entries: readonly CatalogEntry[]; bound: ReadonlySet<string> }) {
  const { status, message, suggestions } = useSuggestions();
  const forSource = useSuggestions((s) => s.source) === source;
  const assets = useDocument((s) => s.twin.assets);
  const [threshold, setThreshold] = useState(Math.round(DEFAULT_THRESHOLD * 100));
  const units = useMemo(() => new Map(entries.map((e) => [e.key, e.unit ?? null])), [entries]);
  const compute = () => void useSuggestions.getState().compute(appEditor.api, documentStore.getState().twin, source, entries, bound);
  const accept = (list: readonly Suggestion[]) => {
    if (!list.length) return;
    runCommand('bindings.accept', {
      suggestions: list.map((s) => ({
        series: s.series,
        sessionSource: source,
        unit: s.unit ?? units.get(s.series) ?? null,
        assetId: s.assetId,
        role: s.role,
      })),
    });
    useSuggestions.getState().drop(list.map((s) => s.series));
  };
  const reject = (s: Suggestion) => {
    runCommand('bindings.reject', { suggestions: [{ series: s.series, assetId: s.assetId, role: s.role }] });
    useSuggestions.getState().drop([s.series]);
  };
  const shown = forSource ? suggestions.filter((s) => !bound.has(s.series) && assets[s.assetId]) : [];
  const above = shown.filter((s) => s.confidence * 100 >= threshold);
  return (
    <section className="suggestions" aria-label="Binding suggestions">
      <div className="suggestions__bar">
        <button type="button" onClick={compute} disabled={status === 'loading'}>
          {forSource && status !== 'idle' ? 'Suggest again' : 'Suggest bindings'}
        </button>
        <p className="muted" aria-live="polite">
          {forSource ? message : 'Suggestions come from the series names, units and recent values, and from the drawing.'}
        </p>
      </div>
      {shown.length > 0 && (
        <div className="suggestions__bulk">
          <label>
            Accept all at or above{' '}
            <input
              type="number"
              min={0}
              max={100}
              step={5}
              value={threshold}
              aria-label="Confidence threshold (%)"
              onChange={(e) => setThreshold(Math.min(100, Math.max(0, Number(e.target.value) || 0)))}
            />{' '}
            %
          </label>
          <button type="button" onClick={() => accept(above)} disabled={!above.length}>
            Accept {above.length}
          </button>
        </div>
      )}
      <ul className="suggestions__list" aria-label="Suggestions">
        {shown.map((s) => (
          <li key={s.series} data-series={s.series} data-confidence={s.confidence}>
            <div className="suggestions__what">
              <code>{s.series}</code>
              <span>
                → <strong>{assets[s.assetId]?.tag}</strong> as {s.role}
              </span>
              <span className={`suggestions__confidence${s.confidence * 100 >= threshold ? '' : ' suggestions__confidence--low'}`} title="Confidence">
                {pct(s.confidence)}
              </span>
            </div>
            <div className="suggestions__actions">
              <button type="button" onClick={() => accept([s])} title={`Bind ${s.series} to ${assets[s.assetId]?.tag} as ${s.role}`}>
                Accept
              </button>
              <button type="button" onClick={() => reject(s)} title="Do not offer this binding again for this project">
                Reject
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
