/**
 * The import's hot path for textual timestamps. Exports write millions of rows whose timestamps share
 * their date (`01-Jul-25 00:00:00`, `01-Jul-25 00:01:00`…) and whose wall hours map to one offset: so the
 * date part is read once with the strict parser and remembered, the time of day is read by hand, and each
 * wall hour's offset is remembered while it holds for the whole hour. Anything the hand reader does not
 * take (an offset, a DST hour, a malformed time) goes to the strict path, so results are the same.
 */
import { type CivilTime } from './civil-time';
import type { InstantResult } from './wall-time';
import { wallTimeCandidates } from './wall-time';
import { zoneOffsets } from './zone-offsets';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The zone abbreviation (or UTC/GMT/Z) after the last time readTimeOfDay read, or null: kept here so the hot path allocates nothing per row. */
export let timeOfDayZone: string | null = null;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The character code at `i`, or -1 at and past `end` (the end of the cell being read, inside a longer line). */
function codeAt(text: string, i: number, end: number): number {
  return i < end ? text.charCodeAt(i) : -1;
}

/** The zone read last (and its letters packed), reused while rows repeat it so the hot path allocates no string per row. */
let lastZone = '';
let lastZoneCode = 0;

/**
 * Read a time of day by hand from `text` at `i`, up to `end` (`H:MM[:SS[.f…]]`, then optionally ` AM`/`PM` and
 * ` ZONE` in capitals): its ms since midnight, or -1 when it is anything the hand reader does not take. The zone
 * goes to `timeOfDayZone`. `end` lets a row be read in place, its cells never cut out as strings.
 */
export function readTimeOfDay(text: string, i: number, end = text.length): number {
  const n = end;
  let c = codeAt(text, i, n);
  if (!isDigit(c)) return -1;
  let hour = c - 48;
  i++;
  c = codeAt(text, i, n);
  if (isDigit(c)) {
    hour = hour * 10 + c - 48;
    i++;
  }
  if (codeAt(text, i, n) !== 58) return -1;
  const m1 = codeAt(text, i + 1, n);
  const m2 = codeAt(text, i + 2, n);
  if (!isDigit(m1) || !isDigit(m2)) return -1;
  const minute = (m1 - 48) * 10 + m2 - 48;
  i += 3;
  let second = 0;
  let milli = 0;
  if (codeAt(text, i, n) === 58) {
    const s1 = codeAt(text, i + 1, n);
    const s2 = codeAt(text, i + 2, n);
    if (!isDigit(s1) || !isDigit(s2)) return -1;
    second = (s1 - 48) * 10 + s2 - 48;
    i += 3;
    c = codeAt(text, i, n);
    if (c === 46 || c === 44) {
      i++;
      let digits = 0;
      while (i < n && isDigit(text.charCodeAt(i))) {
        if (digits < 3) milli = milli * 10 + text.charCodeAt(i) - 48;
        digits++;
        i++;
      }
      if (digits === 0 || digits > 9) return -1;
      for (let k = digits; k < 3; k++) milli *= 10;
    }
  }
  if (minute > 59 || second > 59) return -1;
  // Spaces, then AM/PM, then spaces, then letters: anything else (offsets, dots in a.m.) takes the strict path.
  while (codeAt(text, i, n) === 32) i++;
  c = codeAt(text, i, n) | 0x20;
  if ((c === 0x61 || c === 0x70) && (codeAt(text, i + 1, n) | 0x20) === 0x6d && !isLetter(codeAt(text, i + 2, n))) {
    if (hour < 1 || hour > 12) return -1;
    hour = (hour % 12) + (c === 0x70 ? 12 : 0);
    i += 2;
    while (codeAt(text, i, n) === 32) i++;
  } else if (hour > 23) return -1;
  let zone: string | null = null;
  if (i < n) {
    const start = i;
    // The letters packed five bits each (A is 1): one number names the zone, compared with the last one's.
    let code = 0;
    while (i < n && isUpper(text.charCodeAt(i))) code = code * 32 + text.charCodeAt(i++) - 64;
    if (i !== n || i - start < 1 || i - start > 5) return -1;
    if (i - start === 1 && code !== 26) return -1;
    if (code !== lastZoneCode) {
      lastZoneCode = code;
      lastZone = text.slice(start, i);
    }
    zone = lastZone;
  }
  timeOfDayZone = zone;
  return hour * HOUR + minute * 60_000 + second * 1000 + milli;
}

function isLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x7a;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Where the time of day starts: the digits before the first colon, or -1. */
export function timeStart(text: string): number {
  const colon = text.indexOf(':');
  if (colon < 1) return -1;
  let i = colon - 1;
  if (!isDigit(text.charCodeAt(i))) return -1;
  if (i > 0 && isDigit(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The wall day (ms) of a civil date. */
export function wallDayMs(c: CivilTime): number {
  return daysFromCivil(c.year, c.month, c.day) * DAY;
}

/**
 * Wall times to instants in one zone, remembering each wall hour whose offset holds for the whole hour.
 * Returns null for wall times in hours that hold a DST change, which the strict path resolves.
 */
export function hourOffsetCache(zone: string): (wallMs: number) => number | null {
  const z = zoneOffsets(zone);
  let cachedHour = NaN;
  let cachedOffset = 0;
  return (wall) => {
    const hour = Math.floor(wall / HOUR);
    if (hour === cachedHour) return wall - cachedOffset;
    const start = hour * HOUR;
    // No change of offset within a day either side: every wall time of the hour has that one offset.
    const before = z.offsetAt(start - DAY);
    if (before !== z.offsetAt(start + HOUR + DAY)) {
      const a = wallTimeCandidates(start, zone);
      const b = wallTimeCandidates(start + HOUR - 1, zone);
      if (a.length !== 1 || b.length !== 1 || start - (a[0] as number) !== start + HOUR - 1 - (b[0] as number)) return null;
      cachedOffset = start - (a[0] as number);
    } else cachedOffset = before;
    cachedHour = hour;
    return wall - cachedOffset;
  };
}

/** What a date prefix was read as: its wall day, or nothing (so the strict path reports the error). */
export interface DateMemo {
  prefix: string;
  dayMs: number;
}

/** Read a fast instant, or null to take the strict path. */
export type FastRead = (text: string) => InstantResult | null;
