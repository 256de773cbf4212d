import { describe, expect, it } from 'vitest';
import { civilToWallMs } from './civil-time';
import { parseIsoText, parseOffset, parseSlashedText, type TextParse } from './timestamp-text';

/** The instant when an offset is present, "naive <wall ISO>" when not, or the error. */
function show(p: TextParse): string {
  if (!p.ok) return `error: ${p.error}`;
  const wall = civilToWallMs(p.civil);
  return p.offsetMs === null ? `naive ${new Date(wall).toISOString()}` : new Date(wall - p.offsetMs).toISOString();
}

describe('ISO 8601 text', () => {
  it('reads Z, offsets in three spellings, and naive times', () => {
    expect(show(parseIsoText('2024-03-10T14:30:00Z'))).toBe('2024-03-10T14:30:00.000Z');
    expect(show(parseIsoText('2024-03-10T14:30:00+05:30'))).toBe('2024-03-10T09:00:00.000Z');
    expect(show(parseIsoText('2024-03-10 14:30:00-0600'))).toBe('2024-03-10T20:30:00.000Z');
    expect(show(parseIsoText('2024-03-10T14:30-06'))).toBe('2024-03-10T20:30:00.000Z');
    expect(show(parseIsoText('2024-03-10 14:30:00 UTC'))).toBe('2024-03-10T14:30:00.000Z');
    expect(show(parseIsoText('2024-03-10 14:30:00'))).toBe('naive 2024-03-10T14:30:00.000Z');
    expect(show(parseIsoText('2024-03-10'))).toBe('naive 2024-03-10T00:00:00.000Z');
  });

  it('keeps milliseconds and drops finer digits', () => {
    expect(show(parseIsoText('2024-03-10T14:30:00.5Z'))).toBe('2024-03-10T14:30:00.500Z');
    expect(show(parseIsoText('2024-03-10T14:30:00,123987654Z'))).toBe('2024-03-10T14:30:00.123Z');
  });

  it('rejects impossible dates and malformed text', () => {
    expect(show(parseIsoText('2024-02-30T00:00:00Z'))).toMatch(/error: .*day 30 does not exist/);
    expect(show(parseIsoText('2023-02-29'))).toMatch(/error/);
    expect(show(parseIsoText('2024-03-10T24:00:00Z'))).toMatch(/hour 24/);
    expect(show(parseIsoText('2024-03-10T14:30:00+19:00'))).toMatch(/invalid UTC offset/);
    expect(show(parseIsoText('2024-3-10'))).toMatch(/not an ISO 8601/);
    expect(show(parseIsoText('2024-03-10T14:30:00Zjunk'))).toMatch(/not an ISO 8601/);
    expect(show(parseIsoText(''))).toMatch(/not an ISO 8601/);
  });

  it('parses offsets alone', () => {
    expect(parseOffset('Z')).toBe(0);
    expect(parseOffset('-05:00')).toBe(-5 * 3_600_000);
    expect(parseOffset('+0545')).toBe((5 * 60 + 45) * 60_000);
    expect(parseOffset('+05:60')).toBeNull();
    expect(parseOffset('05:00')).toBeNull();
  });
});

describe('slashed dates in a declared order', () => {
  it('reads 03/04/2024 as March 4 or 3 April only as declared', () => {
    expect(show(parseSlashedText('03/04/2024', 'MDY'))).toBe('naive 2024-03-04T00:00:00.000Z');
    expect(show(parseSlashedText('03/04/2024', 'DMY'))).toBe('naive 2024-04-03T00:00:00.000Z');
    expect(show(parseSlashedText('2024/04/03 07:05', 'YMD'))).toBe('naive 2024-04-03T07:05:00.000Z');
    expect(show(parseSlashedText('04.03.2024 13:00:05', 'DMY'))).toBe('naive 2024-03-04T13:00:05.000Z');
  });

  it('reads 12-hour clocks', () => {
    expect(show(parseSlashedText('3/4/2024 12:15:00 AM', 'MDY'))).toBe('naive 2024-03-04T00:15:00.000Z');
    expect(show(parseSlashedText('3/4/2024 12:15 PM', 'MDY'))).toBe('naive 2024-03-04T12:15:00.000Z');
    expect(show(parseSlashedText('3/4/2024 1:05:09 p.m.', 'MDY'))).toBe('naive 2024-03-04T13:05:09.000Z');
    expect(show(parseSlashedText('3/4/2024 13:05 PM', 'MDY'))).toMatch(/hour 13 with PM/);
  });

  it('reads an offset after the time', () => {
    expect(show(parseSlashedText('03/04/2024 10:00 -05:00', 'MDY'))).toBe('2024-03-04T15:00:00.000Z');
  });

  it('rejects what does not fit the declared order', () => {
    expect(show(parseSlashedText('13/25/2024', 'MDY'))).toMatch(/month 13 does not exist/);
    expect(show(parseSlashedText('31/04/2024', 'DMY'))).toMatch(/day 31 does not exist/);
    expect(show(parseSlashedText('03/04/24', 'MDY'))).toMatch(/four digits/);
    expect(show(parseSlashedText('2024/04/03', 'MDY'))).toMatch(/error/);
    expect(show(parseSlashedText('03/04-2024', 'MDY'))).toMatch(/does not match MM\/DD\/YYYY/);
  });
});
