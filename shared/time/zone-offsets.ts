/**
 * UTC offsets of IANA time zones, computed with Intl.DateTimeFormat (no zone database of our own).
 * Intl is slow per call, so each zone's offsets are tabulated once per UTC year: sampled every
 * 12 hours, with each change located to the second by bisection. Two transitions closer than
 * 12 hours would be missed; no zone in the tz database has had such a pair since 1970.
 */

const HOUR = 3_600_000;
const STEP = 12 * HOUR;

/** Zones found valid: making a formatter to find out costs a quarter of a millisecond, and every file of an import asks. */
const knownValid = new Set<string>();

/** Whether `zone` names a time zone this runtime knows (e.g. `America/Chicago`, `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  if (knownValid.has(zone)) return true;
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  // Bounded: only names the runtime knows are kept.
  knownValid.add(zone);
  return true;
}

interface YearTable {
  /** Offset in force at the start of the year. */
  first: number;
  /** Instants (epoch ms) where the offset changes, ascending, and the offset from then on. */
  at: number[];
  offsets: number[];
}

/** Offsets of one zone; create with `zoneOffsets(zone)` so tables are shared. */
export class ZoneOffsets {
  private readonly format: Intl.DateTimeFormat;
  private readonly years = new Map<number, YearTable>();

  constructor(readonly zone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The year asked last and its bounds, so runs of instants in one year skip the date arithmetic. */
  private last: { start: number; end: number; table: YearTable } | null = null;

  /** The zone's offset from UTC at an instant, in ms (Chicago in winter: -21,600,000). */
  offsetAt(ms: number): number {
    let table: YearTable;
    const last = this.last;
    if (last !== null && ms >= last.start && ms < last.end) table = last.table;
    else {
      const year = new Date(ms).getUTCFullYear();
      let t = this.years.get(year);
      if (!t) {
        t = this.tabulate(year);
        this.years.set(year, t);
      }
      table = t;
      this.last = { start: yearStart(year), end: yearStart(year + 1), table };
    }
    let offset = table.first;
    for (let i = 0; i < table.at.length && (table.at[i] as number) <= ms; i++) offset = table.offsets[i] as number;
    return offset;
  }

  /** The offset straight from Intl, to the second. */
  private exactOffset(ms: number): number {
    const whole = Math.floor(ms / 1000) * 1000;
    const p: Record<string, number> = {};
    for (const part of this.format.formatToParts(whole)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const d = new Date(Date.UTC(2000, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0));
    d.setUTCFullYear(p.year ?? 2000);
    return d.getTime() - whole;
  }

  private tabulate(year: number): YearTable {
    const start = yearStart(year);
    const end = yearStart(year + 1);
    const first = this.exactOffset(start);
    const at: number[] = [];
    const offsets: number[] = [];
    let prevT = start;
    let prev = first;
    for (let t = Math.min(start + STEP, end); ; t = Math.min(t + STEP, end)) {
      const o = this.exactOffset(t);
      if (o !== prev) {
        // Bisect to the first second with the new offset.
        let lo = prevT;
        let hi = t;
        while (hi - lo > 1000) {
          const mid = Math.floor((lo + hi) / 2000) * 1000;
          if (mid <= lo) break;
          if (this.exactOffset(mid) === prev) lo = mid;
          else hi = mid;
        }
        at.push(hi);
        offsets.push(o);
        prev = o;
      }
      prevT = t;
      if (t >= end) break;
    }
    // The last sample sits on next year's start, which belongs to next year's table.
    if (at.length > 0 && at[at.length - 1] === end) {
      at.pop();
      offsets.pop();
    }
    return { first, at, offsets };
  }
}

function yearStart(year: number): number {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year);
  return d.getTime();
}

const cache = new Map<string, ZoneOffsets>();

/** The shared offset table of a zone; throws RangeError for a zone the runtime does not know. */
export function zoneOffsets(zone: string): ZoneOffsets {
  let z = cache.get(zone);
  if (!z) {
    if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone "${zone}"`);
    z = new ZoneOffsets(zone);
    cache.set(zone, z);
  }
  return z;
}
