import { describe, expect, it } from 'vitest';
import type { CivilTime } from './civil-time';
import { resolveAbbreviatedTime, zoneAbbreviations, zonesUsing } from './zone-abbreviations';

const civil = (y: number, mo: number, d: number, h: number, mi = 0): CivilTime => ({
  year: y,
  month: mo,
  day: d,
  hour: h,
  minute: mi,
  second: 0,
  millisecond: 0,
});
const at = (r: ReturnType<typeof resolveAbbreviatedTime>) => (r.ok ? new Date(r.ms).toISOString() : `error: ${r.error}`);
const HOUR = 3_600_000;

describe('zone abbreviations', () => {
  it('knows the names a zone uses and what they mean there', () => {
    expect(Object.fromEntries(zoneAbbreviations('America/Chicago', 2025))).toEqual({ CST: [-6 * HOUR], CDT: [-5 * HOUR] });
    expect(Object.fromEntries(zoneAbbreviations('Europe/Berlin', 2025))).toEqual({ CET: [HOUR], CEST: [2 * HOUR] });
    expect(zoneAbbreviations('Asia/Shanghai', 2025).get('CST')).toEqual([8 * HOUR]);
    expect(zoneAbbreviations('Asia/Kolkata', 2025).get('IST')).toEqual([5.5 * HOUR]);
    expect(zoneAbbreviations('Europe/London', 2025).get('BST')).toEqual([HOUR]);
  });

  it('reads a label in the chosen zone, and tells the two 1:30s apart on the night clocks fall back', () => {
    expect(at(resolveAbbreviatedTime(civil(2025, 1, 15, 12), 'CST', 'America/Chicago'))).toBe('2025-01-15T18:00:00.000Z');
    expect(at(resolveAbbreviatedTime(civil(2025, 1, 15, 12), 'CST', 'Asia/Shanghai'))).toBe('2025-01-15T04:00:00.000Z');
    expect(at(resolveAbbreviatedTime(civil(2025, 11, 2, 1, 30), 'EDT', 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
    expect(at(resolveAbbreviatedTime(civil(2025, 11, 2, 1, 30), 'EST', 'America/New_York'))).toBe('2025-11-02T06:30:00.000Z');
  });

  it('refuses a label the zone does not use, or not at that date', () => {
    expect(at(resolveAbbreviatedTime(civil(2025, 7, 1, 0), 'CET', 'America/Chicago'))).toMatch(/CET is not a name America\/Chicago uses/);
    expect(at(resolveAbbreviatedTime(civil(2025, 7, 1, 0), 'CST', 'America/Chicago'))).toMatch(/does not happen in America\/Chicago \(it is CDT then\)/);
    expect(at(resolveAbbreviatedTime(civil(2025, 3, 9, 2, 30), 'EST', 'America/New_York'))).toMatch(/does not happen/);
  });

  it('lists zones that use a name, the common ones first', () => {
    expect(zonesUsing('CEST', 2025, 2)).toEqual(['Europe/Berlin', 'Europe/Paris']);
    expect(zonesUsing('EDT', 2025, 1)).toEqual(['America/New_York']);
  });
});
