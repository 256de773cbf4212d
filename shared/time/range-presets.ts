/**
 * The range picker's presets and what they end at. A historian export or the demo year ends in the past, so
 * "last 30 days" of the wall clock would show nothing: presets end at the newest data of the bound sensors when
 * that is more than an hour old, and at now otherwise. Day and year presets step in the plant's calendar, so
 * "last 7 days" across a DST change starts at the same wall time a week earlier (167 or 169 hours).
 */
import { civilToWallMs, daysInMonth, wallMsToCivil } from './civil-time';
import { wallTimeCandidates } from './wall-time';
import { zoneOffsets } from './zone-offsets';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export type PresetId = '1h' | '24h' | '7d' | '30d' | '1y' | 'all';

/** The presets in picker order, named as the buttons are (DESIGN.md: "Last 30 days", "All"). */
export const RANGE_PRESETS: readonly { id: PresetId; label: string }[] = [
  { id: '1h', label: 'Last hour' },
  { id: '24h', label: 'Last 24 hours' },
  { id: '7d', label: 'Last 7 days' },
  { id: '30d', label: 'Last 30 days' },
  { id: '1y', label: 'Last year' },
  { id: 'all', label: 'All' },
];

/** Where presets end (exclusive), and why there. */
export interface RangeAnchor {
  at: number;
  kind: 'newest-data' | 'now';
  /** The newest point of the bound sensors, when known. */
  newest: number | null;
}

/** Data older than this makes presets end at the data instead of now. */
export const ANCHOR_TO_DATA_AFTER_MS = HOUR;

/** Round up to the next whole minute after t, so the range ends on a minute and includes t. */
function minuteAfter(t: number): number {
  return Math.floor(t / MINUTE) * MINUTE + MINUTE;
}

/** Where presets end: just after the newest data when that is more than an hour old, else just after now. */
export function presetAnchor(newestData: number | null, now: number): RangeAnchor {
  if (newestData !== null && newestData < now - ANCHOR_TO_DATA_AFTER_MS) return { at: minuteAfter(newestData), kind: 'newest-data', newest: newestData };
  return { at: minuteAfter(now), kind: 'now', newest: newestData };
}

/** The instant of the same wall time `days` days (and `years` years) before `t` in a zone; DST gaps shift forward, repeats take the earlier. */
export function calendarBefore(t: number, zone: string, step: { days?: number; years?: number }): number {
  const z = zoneOffsets(zone);
  const c = wallMsToCivil(t + z.offsetAt(t));
  const year = c.year - (step.years ?? 0);
  // 29 February a year back is 28 February.
  const day = Math.min(c.day, daysInMonth(year, c.month));
  const wall = civilToWallMs({ ...c, year, day }) - (step.days ?? 0) * 86_400_000;
  const candidates = wallTimeCandidates(wall, zone);
  if (candidates.length > 0) return candidates[0] as number;
  // In a spring-forward gap: read with the offset before the jump, which lands just past it.
  return wall - z.offsetAt(wall - 86_400_000);
}

/**
 * The range of a preset ending at the anchor. `all` needs the oldest point of the bound sensors; without one
 * (no data) it shows the last 24 hours.
 */
export function presetRange(id: PresetId, anchor: RangeAnchor, zone: string, oldest: number | null = null): { from: number; to: number } {
  const to = anchor.at;
  switch (id) {
    case '1h':
      return { from: to - HOUR, to };
    case '24h':
      return { from: to - 24 * HOUR, to };
    case '7d':
      return { from: calendarBefore(to, zone, { days: 7 }), to };
    case '30d':
      return { from: calendarBefore(to, zone, { days: 30 }), to };
    case '1y':
      return { from: calendarBefore(to, zone, { years: 1 }), to };
    case 'all':
      return oldest !== null && oldest < to ? { from: Math.floor(oldest / MINUTE) * MINUTE, to } : { from: to - 24 * HOUR, to };
  }
}

/** The label of a preset. */
export function presetLabel(id: PresetId): string {
  return RANGE_PRESETS.find((p) => p.id === id)?.label ?? id;
}
