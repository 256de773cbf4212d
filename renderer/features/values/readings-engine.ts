/**
 * Turns the cursor, the loaded windows and the exact values into what every bound sensor and every asset
 * shows, once per cursor change (every animation frame while dragging or playing). Objects are replaced only
 * where what is drawn changes, so a label or a node re-renders only when its own reading does.
 */
import { classifyReading, flatlineSince, sameReading, windowPointAt, type QualitySettings, type Reading } from '../../../shared/series/cursor-reading';
import { equipmentState, sameState, type EquipmentState } from '../../../shared/twin/equipment-state';
import type { SchematicPlan } from '../../../shared/twin/schematic-plan';
import type { SensorRead } from '../../../shared/twin/sensor-reads';
import { seriesRef, type SeriesDataState } from '../series/series-store';
import type { ReadingsState } from './readings-store';

/** A sensor whose source is not connected in this session: missing, never zero or an old value, and not an error. */
export const NO_SOURCE: Reading = { value: null, t: null, state: 'missing', why: 'no-source', age: null, since: null };
/** A sensor whose connection failed to answer: missing too, labelled as a failure. */
export const SOURCE_ERROR: Reading = { value: null, t: null, state: 'missing', why: 'source-error', age: null, since: null };

/** The reading of one series at a cursor from what the series store holds, or undefined while nothing is known. */
export function readingAt(data: SeriesDataState, ref: string, source: string, cursor: number, settings: QualitySettings): Reading | undefined {
  if (data.failures[source] !== undefined) return SOURCE_ERROR;
  const loaded = data.windows[ref];
  const exact = data.exact && data.exact.at === cursor ? data.exact.values : null;
  if (exact && ref in exact) {
    const point = exact[ref] ?? null;
    const flat = point && loaded ? flatlineSince(loaded.windows, cursor, point.value, loaded.profile, settings) : null;
    return classifyReading(point, cursor, true, loaded?.profile ?? null, settings, flat);
  }
  if (!loaded || !data.layout) return undefined;
  const point = windowPointAt(loaded.windows, loaded.layout, cursor);
  const flat = point ? flatlineSince(loaded.windows, cursor, point.value, loaded.profile, settings) : null;
  return classifyReading(point, cursor, false, loaded.profile, settings, flat);
}

/**
 * The next readings state: the previous one's objects kept wherever nothing drawn changed. `reads` says where
 * each sensor is read in this session (null while the session's connections are not known yet); a sensor
 * whose source is not connected reads as missing, 'no-source'.
 */
export function nextReadings(
  prev: ReadingsState,
  plan: Pick<SchematicPlan, 'states'>,
  reads: readonly SensorRead[] | null,
  data: SeriesDataState,
  cursor: number | null,
  settings: QualitySettings,
): ReadingsState {
  const readings: Record<string, Reading> = {};
  const decimals: Record<string, number> = {};
  let changed = cursor !== prev.at;
  let settled = cursor !== null && reads !== null;
  if (cursor !== null && reads !== null) {
    for (const s of reads) {
      const ref = s.source === null ? null : seriesRef(s.source, s.key);
      const r = s.source === null || ref === null ? NO_SOURCE : readingAt(data, ref, s.source, cursor, settings);
      const d = ref !== null ? data.windows[ref]?.profile.decimals : undefined;
      if (d !== undefined) decimals[s.id] = d;
      if (d !== prev.decimals[s.id]) changed = true;
      if (!r) {
        settled = false;
        if (prev.readings[s.id]) changed = true;
        continue;
      }
      if (r.state === 'approximate') settled = false;
      const old = prev.readings[s.id];
      if (old && sameReading(old, r)) readings[s.id] = old;
      else {
        readings[s.id] = r;
        changed = true;
      }
    }
  }
  if (Object.keys(prev.readings).length !== Object.keys(readings).length) changed = true;
  const equipment: Record<string, EquipmentState> = {};
  const valueOf = (id: string) => readings[id]?.value ?? null;
  for (const { assetId, plan: p } of plan.states) {
    const next = equipmentState(p, valueOf);
    const old = prev.equipment[assetId];
    if (old && sameState(old, next)) equipment[assetId] = old;
    else {
      equipment[assetId] = next;
      changed = true;
    }
  }
  if (Object.keys(prev.equipment).length !== plan.states.length) changed = true;
  if (settled !== prev.settled) changed = true;
  return changed ? { readings, equipment, at: cursor, settled, decimals: sameDecimals(prev.decimals, decimals) ? prev.decimals : decimals } : prev;
}

function sameDecimals(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
