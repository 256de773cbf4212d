/**
 * Choosing the range: presets end at the newest data of the bound sensors when that is more than an hour old
 * (asked of their sources), "All" starts at their oldest point, and custom ranges are typed in the plant's zone.
 */
import { presetAnchor, presetRange, type PresetId, type RangeAnchor } from '../../../shared/time/range-presets';
import { parseInstantInZone } from '../../../shared/time/zone-format';
import { isValidTimeZone } from '../../../shared/time/zone-offsets';
import { keysBySessionSource, sensorReads } from '../../../shared/twin/sensor-reads';
import { getApi } from '../../api/client';
import { documentStore } from '../../stores/document-store';
import { planOf } from '../values/plan-cache';
import { listedConnections } from '../values/session-connections';
import { timeStore } from './time-store';

const YEAR = 365.25 * 86_400_000;
/** How far back "All" looks for the oldest point. */
const ALL_LOOKBACK = 30 * YEAR;
const MAX_KEYS = 1_000;

/** The plant's IANA zone from the twin; UTC while it names none this runtime knows (the inspector flags that). */
export function plantZone(): string {
  const zone = documentStore.getState().twin.meta.timeZone;
  return isValidTimeZone(zone) ? zone : 'UTC';
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The bound series per connection of this session they are read from (sensors of unconnected sources left out). */
async function boundSeries(): Promise<[string, string[]][]> {
  const { sources, chosen } = await listedConnections();
  const twin = documentStore.getState().twin;
  return [...keysBySessionSource(sensorReads(twin, planOf(twin), sources, chosen))];
}

/** The newest point of the bound sensors at or before now, or null when they have none (or none could be read). */
export async function newestData(now = Date.now()): Promise<number | null> {
  const calls = (await boundSeries()).flatMap(([source, keys]) =>
    chunks(keys, MAX_KEYS).map((k) =>
      getApi()
        .valueAt({ source, keys: k, at: now })
        .catch(() => []),
    ),
  );
  let newest: number | null = null;
  for (const values of await Promise.all(calls)) for (const v of values) if (v.t !== null && (newest === null || v.t > newest)) newest = v.t;
  return newest;
}

/** The earliest window holding data of any bound sensor over [from, to), at 1,000 windows; null when none. */
async function firstWindow(from: number, to: number): Promise<{ t: number; width: number } | null> {
  let first: number | null = null;
  let width = Math.ceil((to - from) / 1000);
  const calls = (await boundSeries()).flatMap(([source, keys]) =>
    chunks(keys, MAX_KEYS).map((k) =>
      getApi()
        .queryWindows({ source, keys: k, from, to, n: 1000, stats: ['count'] })
        .catch(() => null),
    ),
  );
  for (const r of await Promise.all(calls)) {
    if (!r) continue;
    width = r.layout.width;
    for (const s of r.series) if (s.t.length > 0 && (first === null || (s.t[0] as number) < first)) first = s.t[0] as number;
  }
  return first === null ? null : { t: first, width };
}

/** The oldest point of the bound sensors before `to`, to within a few minutes (two passes of 1,000 windows). */
export async function oldestData(to: number): Promise<number | null> {
  const coarse = await firstWindow(Math.max(0, to - ALL_LOOKBACK), to);
  if (!coarse) return null;
  const fine = await firstWindow(coarse.t, Math.min(to, coarse.t + coarse.width));
  return fine?.t ?? coarse.t;
}

/** Ask the sources where presets end now, and remember it in the time store. */
export async function refreshAnchor(): Promise<RangeAnchor> {
  const now = Date.now();
  const anchor = presetAnchor(await newestData(now), now);
  timeStore.getState().setAnchor(anchor);
  return anchor;
}

let presetSeq = 0;

/** Show a preset's range: anchored afresh (a live historian's newest point moves), "All" from the oldest point. */
export async function applyPreset(id: PresetId): Promise<void> {
  const seq = ++presetSeq;
  const anchor = await refreshAnchor();
  const oldest = id === 'all' ? await oldestData(anchor.at) : null;
  // A later choice (another click, a custom range) wins over this one.
  if (seq !== presetSeq) return;
  timeStore.getState().setRange(presetRange(id, anchor, plantZone(), oldest), id);
}

/** Show a typed range (wall times in the plant's zone, or ISO with an offset); returns what is wrong, or null. */
export function applyCustomRange(fromText: string, toText: string): string | null {
  const zone = plantZone();
  const from = parseInstantInZone(fromText, zone);
  if (!from.ok) return `From: ${from.error}`;
  const to = parseInstantInZone(toText, zone);
  if (!to.ok) return `To: ${to.error}`;
  if (to.ms <= from.ms) return 'The range must end after it starts: make "To" later than "From".';
  presetSeq++;
  timeStore.getState().setRange({ from: from.ms, to: to.ms }, 'custom');
  return null;
}
