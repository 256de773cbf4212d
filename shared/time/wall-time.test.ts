import { describe, expect, it } from 'vitest';
import type { CivilTime } from './civil-time';
import { resolveWallTime, wallTimeCandidates, type WallTimeOptions } from './wall-time';
import { civilToWallMs } from './civil-time';

const civil = (iso: string): CivilTime => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(iso);
  if (!m) throw new Error(iso);
  return { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: 0, millisecond: 0 };
};
const strict: WallTimeOptions = { ambiguousTime: 'reject', nonexistentTime: 'reject' };
const instant = (r: ReturnType<typeof resolveWallTime>): string => (r.ok ? new Date(r.ms).toISOString() : `error: ${r.error}`);

describe('wall times in a zone', () => {
  it('reads ordinary times with the offset in force', () => {
    expect(instant(resolveWallTime(civil('2024-01-15 12:00'), 'America/Chicago', strict))).toBe('2024-01-15T18:00:00.000Z');
    expect(instant(resolveWallTime(civil('2024-07-15 12:00'), 'America/Chicago', strict))).toBe('2024-07-15T17:00:00.000Z');
    expect(instant(resolveWallTime(civil('2024-07-15 12:00'), 'Asia/Kolkata', strict))).toBe('2024-07-15T06:30:00.000Z');
  });

  it('refuses a time in the spring-forward gap unless told to shift it forward', () => {
    const gap = civil('2024-03-10 02:30');
    expect(wallTimeCandidates(civilToWallMs(gap), 'America/Chicago')).toEqual([]);
    const r = resolveWallTime(gap, 'America/Chicago', strict);
    expect(r.ok).toBe(false);
    expect(instant(r)).toMatch(/2024-03-10 02:30 does not exist in America\/Chicago/);
    // 02:30 CST would be 08:30Z, which the clocks show as 03:30 CDT.
    expect(instant(resolveWallTime(gap, 'America/Chicago', { ...strict, nonexistentTime: 'shift-forward' }))).toBe('2024-03-10T08:30:00.000Z');
    // The edges of the gap: 01:59 exists (CST), 03:00 exists (CDT).
    expect(instant(resolveWallTime(civil('2024-03-10 01:59'), 'America/Chicago', strict))).toBe('2024-03-10T07:59:00.000Z');
    expect(instant(resolveWallTime(civil('2024-03-10 03:00'), 'America/Chicago', strict))).toBe('2024-03-10T08:00:00.000Z');
  });

  it('refuses a time in the fall-back overlap unless told which one', () => {
    const twice = civil('2024-11-03 01:30');
    expect(wallTimeCandidates(civilToWallMs(twice), 'America/Chicago').map((t) => new Date(t).toISOString())).toEqual([
      '2024-11-03T06:30:00.000Z',
      '2024-11-03T07:30:00.000Z',
    ]);
    expect(instant(resolveWallTime(twice, 'America/Chicago', strict))).toMatch(/happens twice in America\/Chicago/);
    expect(instant(resolveWallTime(twice, 'America/Chicago', { ...strict, ambiguousTime: 'earlier' }))).toBe('2024-11-03T06:30:00.000Z');
    expect(instant(resolveWallTime(twice, 'America/Chicago', { ...strict, ambiguousTime: 'later' }))).toBe('2024-11-03T07:30:00.000Z');
    expect(instant(resolveWallTime(civil('2024-11-03 02:00'), 'America/Chicago', strict))).toBe('2024-11-03T08:00:00.000Z');
  });

  it('handles the southern hemisphere and 30-minute DST (Lord Howe)', () => {
    // Sydney falls back on 2024-04-07 at 03:00 AEDT to 02:00 AEST.
    expect(instant(resolveWallTime(civil('2024-04-07 02:30'), 'Australia/Sydney', strict))).toMatch(/happens twice/);
    // Lord Howe jumps from 02:00 to 02:30 on 2024-10-06.
    expect(instant(resolveWallTime(civil('2024-10-06 02:15'), 'Australia/Lord_Howe', strict))).toMatch(/does not exist/);
    expect(instant(resolveWallTime(civil('2024-10-06 02:15'), 'Australia/Lord_Howe', { ...strict, nonexistentTime: 'shift-forward' }))).toBe(
      '2024-10-05T15:45:00.000Z',
    );
  });

  it('reports invalid civil dates', () => {
    expect(instant(resolveWallTime(civil('2024-02-30 00:00'), 'UTC', strict))).toMatch(/day 30 does not exist/);
  });
});
