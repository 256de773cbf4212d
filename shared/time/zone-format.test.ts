import { describe, expect, it } from 'vitest';
import { formatOffset, isoInZone, offsetLabel, parseInstantInZone, wallTextInZone, weekdayInZone } from './zone-format';

const CHI = 'America/Chicago';
const at = (iso: string) => Date.parse(iso);
const parsed = (text: string, zone = CHI) => {
  const r = parseInstantInZone(text, zone);
  return r.ok ? new Date(r.ms).toISOString() : `error: ${r.error}`;
};

describe('instants in the plant zone', () => {
  it('formats offsets with a sign, never Z', () => {
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(-5 * 3_600_000)).toBe('-05:00');
    expect(formatOffset(5.5 * 3_600_000)).toBe('+05:30');
  });

  it('formats across the spring-forward change (2025-03-09, 02:00 CST → 03:00 CDT)', () => {
    expect(isoInZone(at('2025-03-09T07:59:59Z'), CHI)).toBe('2025-03-09T01:59:59-06:00');
    expect(isoInZone(at('2025-03-09T08:00:00Z'), CHI)).toBe('2025-03-09T03:00:00-05:00');
    expect(wallTextInZone(at('2025-03-09T08:30:00Z'), CHI)).toBe('2025-03-09 03:30:00');
    expect(offsetLabel(at('2025-03-09T07:00:00Z'), CHI)).toBe('UTC-06:00');
    expect(offsetLabel(at('2025-03-09T09:00:00Z'), CHI)).toBe('UTC-05:00');
  });

  it('formats both passes through the repeated hour when clocks fall back (2025-11-02)', () => {
    // 01:30 happens twice; the offset tells them apart.
    expect(isoInZone(at('2025-11-02T06:30:00Z'), CHI)).toBe('2025-11-02T01:30:00-05:00');
    expect(isoInZone(at('2025-11-02T07:30:00Z'), CHI)).toBe('2025-11-02T01:30:00-06:00');
    expect(wallTextInZone(at('2025-11-02T07:30:00Z'), CHI, { seconds: false })).toBe('2025-11-02 01:30');
    // 2 November 2025 was a Sunday in Chicago until midnight local time, not until midnight UTC.
    expect(weekdayInZone(at('2025-11-03T05:30:00Z'), CHI)).toBe('Sun');
    expect(weekdayInZone(at('2025-11-03T06:30:00Z'), CHI)).toBe('Mon');
  });

  it('keeps milliseconds when an instant has them and reads its own output back', () => {
    const ms = at('2025-07-14T13:00:00.042Z');
    expect(isoInZone(ms, CHI)).toBe('2025-07-14T08:00:00.042-05:00');
    for (const t of [ms, at('2025-11-02T06:30:00Z'), at('2025-11-02T07:30:00Z'), at('2025-03-09T08:00:00Z')]) {
      const r = parseInstantInZone(isoInZone(t, CHI), CHI);
      expect(r.ok && r.ms).toBe(t);
    }
  });

  it('reads typed wall times in the plant zone, not the host zone', () => {
    expect(parsed('2025-07-14 08:00')).toBe('2025-07-14T13:00:00.000Z');
    expect(parsed('2025-01-14 08:00')).toBe('2025-01-14T14:00:00.000Z');
    expect(parsed('2025-07-14 08:00', 'Asia/Kolkata')).toBe('2025-07-14T02:30:00.000Z');
    expect(parsed('2025-07-14T08:00:00Z')).toBe('2025-07-14T08:00:00.000Z');
  });

  it('refuses wall times DST skips or repeats, saying what to type instead', () => {
    expect(parsed('2025-03-09 02:30')).toMatch(/does not exist in America\/Chicago.*after the jump/);
    expect(parsed('2025-11-02 01:30')).toMatch(/happens twice in America\/Chicago.*-05:00 for the first or -06:00 for the second/);
    expect(parsed('2025-11-02T01:30-06:00')).toBe('2025-11-02T07:30:00.000Z');
    expect(parsed('2025-02-30 10:00')).toMatch(/day 30 does not exist/);
    expect(parsed('yesterday')).toMatch(/not a date and time.*2025-07-14 08:00/);
    expect(parsed('  ')).toMatch(/Type a date and time/);
  });
});
