import { useMemo, useState } from 'react';
import type { CatalogEntry } from '../../../shared/series/types';
import { useDocument } from '../../stores/document-store';
import { useTime } from '../time/time-store';
import { useBindingsView, type SensorFilter } from './bindings-view-store';
import { matchesSearch } from './search-match';
import { startSensorDrag } from './sensor-drag';
import { SuggestionsList } from './SuggestionsList';
import { ageText, useLastSeen } from './use-last-seen';
import { useBindingsOf } from './use-project-sources';
import './bindings.css';

const FILTERS: { id: SensorFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'unbound', label: 'Unbound' },
  { id: 'bound', label: 'Bound' },
  { id: 'suggested', label: 'Suggested' },
];

/** Rows drawn at most; a search narrows a large catalog. */
const MAX_ROWS = 500;

function formatInstant(t: number, zone: string, style: 'medium' | 'short' = 'medium'): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short', timeStyle: style, hourCycle: 'h23' }).format(t);
  } catch {
    return new Date(t).toISOString();
  }
}

/**
 * The catalog of the source being browsed, with each series' unit, when it last had a point (and how
 * long ago against the plant clock), and the asset it is bound to (`data-bound-asset`). Rows are named
 * by series key and can be dragged onto an asset or the canvas.
 */
export function SensorBindingList({
  source,
  entries,
  selected,
  onSelect,
}: {
  source: string;
  entries: readonly CatalogEntry[];
  selected: string | null;
  onSelect(key: string): void;
}) {
  const filter = useBindingsView((s) => s.filter);
  const [search, setSearch] = useState('');
  const assets = useDocument((s) => s.twin.assets);
  const zone = useDocument((s) => s.twin.meta.timeZone);
  const bindings = useBindingsOf(source);
  const rows = useMemo(
    () =>
      entries.filter((e) => {
        const s = bindings.get(e.key);
        if (filter === 'unbound' && s) return false;
        if (filter === 'bound' && !s) return false;
        return matchesSearch(e, search, s?.assetId ? assets[s.assetId]?.tag : undefined);
      }),
    [entries, bindings, filter, search, assets],
  );
  const shown = rows.slice(0, MAX_ROWS);
  const { seen, readAt } = useLastSeen(source, filter === 'suggested' ? [] : shown.map((e) => e.key));
  // Ages are against the plant clock: the time cursor when it rests somewhere, else when the values were read.
  const cursor = useTime((s) => (s.moving ? null : s.cursor));
  const clock = cursor ?? readAt;
  const bound = useMemo(() => new Set(bindings.keys()), [bindings]);
  const boundCount = useMemo(() => entries.filter((e) => bindings.has(e.key)).length, [entries, bindings]);

  return (
    <>
      <div className="sensor-filters" role="group" aria-label="Show sensors">
        {FILTERS.map((f) => (
          <button key={f.id} type="button" aria-pressed={filter === f.id} onClick={() => useBindingsView.getState().setFilter(f.id)}>
            {f.label}
          </button>
        ))}
      </div>
      {filter === 'suggested' ? (
        <SuggestionsList source={source} entries={entries} bound={bound} />
      ) : (
        <>
          <input
            type="search"
            aria-label="Search sensors"
            placeholder="Search: CH1 KW, LCHWT, CH-1…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <p className="muted" aria-live="polite">
            {rows.length} of {entries.length} sensors, {boundCount} bound
            {rows.length > MAX_ROWS ? ` (showing ${MAX_ROWS}; search to narrow)` : ''}
          </p>
          <ul className="sensor-list" role="listbox" aria-label="Sensor series">
            {shown.map((e) => {
              const s = bindings.get(e.key);
              const tag = s?.assetId ? assets[s.assetId]?.tag : undefined;
              const t = seen.get(e.key);
              return (
                <li
                  key={e.key}
                  role="option"
                  aria-label={e.key}
                  aria-selected={selected === e.key}
                  data-bound-asset={tag}
                  tabIndex={0}
                  draggable
                  onDragStart={(d) => startSensorDrag(d, { series: e.key, sessionSource: source, unit: e.unit ?? null })}
                  onClick={() => onSelect(e.key)}
                  onKeyDown={(k) => (k.key === 'Enter' || k.key === ' ') && onSelect(e.key)}
                  title={`${e.key}${tag ? ` — bound to ${tag} as ${s?.role || 'no role'}` : ' — drag onto an asset to bind it'}`}
                >
                  <span className="sensor-list__key">{e.key}</span>
                  {e.unit && <span className="muted"> [{e.unit}]</span>}
                  <span className="sensor-row__meta">
                    {typeof t === 'number' && (
                      <span className="sensor-row__seen" title={`Last point ${formatInstant(t, zone)} (${zone}), ${ageText(t, clock)} before the plant clock`}>
                        {formatInstant(t, zone, 'short')} ({ageText(t, clock)} ago)
                      </span>
                    )}
                    {t === null && <span className="sensor-row__seen">no data</span>}
                    {tag && (
                      <span className="sensor-row__bound">
                        → {tag}
                        {s?.role ? ` · ${s.role}` : ''}
                        {s && !s.trusted ? ' · untrusted' : ''}
                      </span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
