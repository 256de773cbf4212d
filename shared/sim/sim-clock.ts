/**
 * The demo year's time grid: one value a minute from 2025-01-01T00:00 to 2026-01-01T00:00 in the plant's
 * zone (America/Chicago), and the local wall-clock fields the weather and the building schedule follow.
 */

export const SIM_TIME_ZONE = 'America/Chicago';
export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1_440;
/** 2025-01-01T00:00 in Chicago (CST, UTC−6). */
export const SIM_START_MS = Date.UTC(2025, 0, 1, 6);
/** 2026-01-01T00:00 in Chicago; DST's lost and gained hours cancel, so the year is exactly 365 × 1440 minutes. */
export const SIM_END_MS = Date.UTC(2026, 0, 1, 6);
export const SIM_DAYS = 365;
export const SIM_MINUTES = SIM_DAYS * DAY_MINUTES;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Local wall-clock fields of one minute. */
export interface LocalTime {
  /** Hours since local midnight, fractional (0 ≤ h < 24). */
  hour: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Local day of the year, 0 = January 1st. */
  dayOfYear: number;
  /** Local date as YYYY-MM-DD. */
  date: string;
}

/** Offset of a zone from UTC in minutes at an instant (e.g. −300 for CDT), through Intl so no zone table is bundled. */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / MINUTE_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Epoch ms of a local wall time in the plant's zone (`2025-07-14T00:00`); throws for a time DST skips. */
export function localToUtcMs(local: string, timeZone = SIM_TIME_ZONE): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new RangeError(`Local time ${JSON.stringify(local)} is not YYYY-MM-DDTHH:MM`);
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset at the naive instant is right except within hours of a change, so settle it twice.
  let utc = naive - zoneOffsetMinutes(timeZone, naive) * MINUTE_MS;
  utc = naive - zoneOffsetMinutes(timeZone, utc) * MINUTE_MS;
  if (utc + zoneOffsetMinutes(timeZone, utc) * MINUTE_MS !== naive) {
    throw new RangeError(`Local time ${local} does not exist in ${timeZone} (skipped by a daylight-saving change)`);
  }
  return utc;
}

/** ISO 8601 with the zone's offset, e.g. `2025-07-14T00:00:00-05:00`. */
export function formatLocalIso(utcMs: number, timeZone = SIM_TIME_ZONE): string {
  const off = zoneOffsetMinutes(timeZone, utcMs);
  const local = new Date(utcMs + off * MINUTE_MS).toISOString().slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Local fields of every minute of the demo year, computed from one zone lookup per hour. */
export class SimClock {
  private readonly offsets: Int16Array;
  private readonly firstLocalDay: number;

  constructor(readonly timeZone = SIM_TIME_ZONE) {
    const hours = SIM_MINUTES / 60 + 1;
    this.offsets = new Int16Array(hours);
    // Ask Intl once a day and hour by hour only on the days the offset changes.
    const at = (h: number): number => zoneOffsetMinutes(timeZone, SIM_START_MS + h * HOUR_MS);
    let before = at(0);
    for (let h0 = 0; h0 < hours; h0 += 24) {
      const h1 = Math.min(h0 + 24, hours - 1);
      const after = at(h1);
      for (let h = h0; h <= h1; h++) this.offsets[h] = before === after ? before : at(h);
      before = after;
    }
    this.firstLocalDay = Math.floor((SIM_START_MS + (this.offsets[0] ?? 0) * MINUTE_MS) / DAY_MS);
  }

  /** Epoch ms of minute i of the year. */
  timeOf(minute: number): number {
    return SIM_START_MS + minute * MINUTE_MS;
  }

  /** Zone offset in minutes at minute i (offsets change on whole hours in every zone this demo uses). */
  offsetAt(minute: number): number {
    return this.offsets[Math.floor(minute / 60)] ?? 0;
  }

  /** Fill `out` with the local fields of minute i (no allocation; `date` is left alone unless asked). */
  local(minute: number, out: LocalTime, withDate = false): LocalTime {
    const localMs = this.timeOf(minute) + this.offsetAt(minute) * MINUTE_MS;
    const day = Math.floor(localMs / DAY_MS);
    out.hour = (localMs - day * DAY_MS) / HOUR_MS;
    out.weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    out.dayOfYear = day - this.firstLocalDay;
    if (withDate) out.date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    return out;
  }
}

/** A fresh LocalTime to be filled by SimClock.local. */
export function newLocalTime(): LocalTime {
  return { hour: 0, weekday: 0, dayOfYear: 0, date: '' };
}
