/**
 * Instants shown and typed in the plant's zone: ISO 8601 with the zone's offset, short wall-clock text for
 * the time bar, and typed wall times read back DST-correctly. Offsets come from zone-offsets.ts, the one
 * time-zone engine; nothing here reads the host's zone.
 */
import { civilToWallMs, wallMsToCivil } from './civil-time';
import { parseIsoText } from './timestamp-text';
import { resolveWallTime, wallTimeCandidates, type InstantResult } from './wall-time';
import { zoneOffsets } from './zone-offsets';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An offset from UTC in ms as `+HH:MM` / `-HH:MM` (`Z` is never used, so the text always says the plant's offset). */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function wallParts(ms: number, zone: string): { text: string; offset: number; millisecond: number } {
  const offset = zoneOffsets(zone).offsetAt(ms);
  const c = wallMsToCivil(ms + offset);
  return { text: `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`, offset, millisecond: c.millisecond };
}

/** ISO 8601 of an instant in a zone, e.g. `2025-07-14T08:00:00-05:00` (milliseconds only when not whole seconds). */
export function isoInZone(ms: number, zone: string): string {
  const p = wallParts(ms, zone);
  return `${p.text}${p.millisecond ? `.${pad(p.millisecond, 3)}` : ''}${formatOffset(p.offset)}`;
}

/** Wall-clock text for people, e.g. `2025-07-14 08:00:00` (or `2025-07-14 08:00` without seconds); no offset. */
export function wallTextInZone(ms: number, zone: string, options: { seconds?: boolean } = {}): string {
  const p = wallParts(ms, zone);
  const text = p.text.replace('T', ' ');
  return options.seconds === false ? text.slice(0, 16) : text;
}

/** The zone's offset at an instant as `UTC-05:00`, to print beside wall times. */
export function offsetLabel(ms: number, zone: string): string {
  return `UTC${formatOffset(zoneOffsets(zone).offsetAt(ms))}`;
}

/**
 * Read a typed time: ISO 8601 with an offset (taken as written), or a wall time without one, read in the
 * plant's zone. A wall time that DST makes happen twice, or not at all, is refused with what to type instead.
 */
export function parseInstantInZone(text: string, zone: string): InstantResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Type a date and time, e.g. 2025-07-14 08:00.' };
  const parsed = parseIsoText(trimmed);
  if (!parsed.ok) {
    // A well-formed but impossible date (2025-02-30) says what is wrong with it; anything else gets an example.
    if (/not a real date/.test(parsed.error)) return parsed;
    return { ok: false, error: `"${trimmed}" is not a date and time: type e.g. 2025-07-14 08:00 (${zone}) or 2025-07-14T08:00-05:00.` };
  }
  if (parsed.offsetMs !== null) return { ok: true, ms: civilToWallMs(parsed.civil) - parsed.offsetMs };
  const resolved = resolveWallTime(parsed.civil, zone, { ambiguousTime: 'reject', nonexistentTime: 'reject' });
  if (resolved.ok) return resolved;
  const candidates = wallTimeCandidates(civilToWallMs(parsed.civil), zone);
  if (candidates.length === 2) {
    const [a, b] = candidates.map((c) => formatOffset(zoneOffsets(zone).offsetAt(c)));
    return { ok: false, error: `${trimmed} happens twice in ${zone} (clocks fall back): add the offset, ${a} for the first or ${b} for the second.` };
  }
  return { ok: false, error: `${trimmed} does not exist in ${zone} (clocks jump forward past it): type a time after the jump.` };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** The day of the week of an instant in a zone, e.g. `Mon`. */
export function weekdayInZone(ms: number, zone: string): string {
  const day = Math.floor((ms + zoneOffsets(zone).offsetAt(ms)) / 86_400_000);
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7] as string;
}
