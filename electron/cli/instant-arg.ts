import { parseIsoText } from '../../shared/time/timestamp-text';
import { resolveWallTime } from '../../shared/time/wall-time';
import { isValidTimeZone } from '../../shared/time/zone-offsets';
import { civilToWallMs } from '../../shared/time/civil-time';
import { UsageError } from './cli-types';

/**
 * An instant from the command line: epoch milliseconds, or ISO 8601 with `Z` or an offset. A wall time
 * without a zone needs `--tz ZONE`: guessing the zone would silently shift the query by hours.
 */
export function parseInstantArg(text: string, option: string, zone?: string): number {
  const t = text.trim();
  if (/^-?\d+$/.test(t)) {
    const ms = Number(t);
    if (!Number.isSafeInteger(ms)) throw new UsageError(`--${option} ${text}: epoch milliseconds out of range.`);
    return ms;
  }
  const parsed = parseIsoText(t);
  if (!parsed.ok) throw new UsageError(`--${option} ${text}: ${parsed.error} (use ISO 8601 like 2025-07-01T12:00:00Z, or epoch milliseconds).`);
  if (parsed.offsetMs !== null) return civilToWallMs(parsed.civil) - parsed.offsetMs;
  if (!zone) throw new UsageError(`--${option} ${text} has no zone: add Z or an offset (2025-07-01T12:00:00-05:00), or give --tz America/Chicago.`);
  if (!isValidTimeZone(zone)) throw new UsageError(`--tz ${zone} is not an IANA time zone.`);
  const r = resolveWallTime(parsed.civil, zone, { ambiguousTime: 'reject', nonexistentTime: 'reject' });
  if (!r.ok) throw new UsageError(`--${option} ${text} in ${zone}: ${r.error}`);
  return r.ms;
}
