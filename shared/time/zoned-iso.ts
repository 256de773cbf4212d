import { wallMsToCivil } from './civil-time';
import { zoneOffsets } from './zone-offsets';

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** An instant as ISO 8601 in a zone, with its offset: `2025-07-01T13:05:00-05:00` (milliseconds only when not zero). */
export function zonedIso(ms: number, zone: string): string {
  const offset = zoneOffsets(zone).offsetAt(ms);
  const c = wallMsToCivil(ms + offset);
  const sign = offset < 0 ? '-' : '+';
  const om = Math.round(Math.abs(offset) / 60_000);
  const frac = c.millisecond ? `.${pad(c.millisecond, 3)}` : '';
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${frac}${sign}${pad(Math.floor(om / 60))}:${pad(om % 60)}`;
}
