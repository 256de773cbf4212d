import { resolveWallTime } from '../../../shared/time/wall-time';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'UTC',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    }
    formats.set(zone, f);
  }
  return f;
}

/** An instant as the plant reads it: `2025-06-03 12:30`. */
export function formatInZone(ms: number, zone: string): string {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The plant's calendar date of an instant, `2025-06-03` (what a date field shows). */
export function dateInZone(ms: number, zone: string): string {
  return formatInZone(ms, zone).slice(0, 10);
}

/** Midnight of a `YYYY-MM-DD` date in the plant's zone, or null when the text is no date. */
export function midnightInZone(date: string, zone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const r = resolveWallTime({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0, second: 0, millisecond: 0 }, zone, {
    ambiguousTime: 'earlier',
    nonexistentTime: 'shift-forward',
  });
  return r.ok ? r.ms : null;
}
