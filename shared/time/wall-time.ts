/**
 * Wall times (a civil time read in a zone) to instants, with DST gaps and overlaps made explicit:
 * 02:30 on the night clocks jump forward does not exist, 01:30 on the night they fall back happens twice.
 */
import { civilTimeProblem, civilToWallMs, formatCivil, type CivilTime } from './civil-time';
import { zoneOffsets } from './zone-offsets';

const DAY = 86_400_000;

/** What to do with a wall time that happens twice (clocks fall back). */
export type AmbiguousTime = 'earlier' | 'later' | 'reject';
/** What to do with a wall time that never happens (clocks jump forward). */
export type NonexistentTime = 'shift-forward' | 'reject';

export interface WallTimeOptions {
  ambiguousTime: AmbiguousTime;
  nonexistentTime: NonexistentTime;
}

/** An instant, or why there is none. */
export type InstantResult = { ok: true; ms: number } | { ok: false; error: string };

/** The instants a wall time can mean in a zone: none (a gap), one, or two (an overlap, earlier first). */
export function wallTimeCandidates(wallMs: number, zone: string): number[] {
  const z = zoneOffsets(zone);
  // Offsets a day either side bracket every instant this wall time could be (offsets stay within ±14 h).
  const before = z.offsetAt(wallMs - DAY);
  const after = z.offsetAt(wallMs + DAY);
  const out: number[] = [];
  for (const o of before === after ? [before] : [before, after]) {
    const instant = wallMs - o;
    if (z.offsetAt(instant) === o) out.push(instant);
  }
  return out.sort((a, b) => a - b);
}

/** The instant of a civil time in an IANA zone, applying the caller's choice for DST gaps and overlaps. */
export function resolveWallTime(civil: CivilTime, zone: string, options: WallTimeOptions): InstantResult {
  const problem = civilTimeProblem(civil);
  if (problem) return { ok: false, error: problem };
  const wallMs = civilToWallMs(civil);
  const candidates = wallTimeCandidates(wallMs, zone);
  if (candidates.length === 1) return { ok: true, ms: candidates[0] as number };
  if (candidates.length === 2) {
    if (options.ambiguousTime === 'earlier') return { ok: true, ms: candidates[0] as number };
    if (options.ambiguousTime === 'later') return { ok: true, ms: candidates[1] as number };
    return {
      ok: false,
      error: `${formatCivil(civil)} happens twice in ${zone} (clocks fall back); choose whether such times are the earlier or the later one`,
    };
  }
  if (options.nonexistentTime === 'shift-forward') {
    // Read with the offset in force before the jump, which lands as far past the gap as the time was into it.
    return { ok: true, ms: wallMs - zoneOffsets(zone).offsetAt(wallMs - DAY) };
  }
  return {
    ok: false,
    error: `${formatCivil(civil)} does not exist in ${zone} (clocks jump forward past it); choose to shift such times forward, or fix the file`,
  };
}
