import { describe, expect, it } from 'vitest';
import { civilToWallMs } from './civil-time';
import { fullYear, parseIsoText, parseOffset, parseSlashedText, parseTimestampText, type TextParse } from './timestamp-text';

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

describe('timestamps as historians write them', () => {
  const text = (t: string, f: Parameters<typeof parseTimestampText>[1]) => show(parseTimestampText(t, f));

  it('reads month names with two- and four-digit years (PI, Niagara, Excel)', () => {
    expect(text('01-Jul-25 00:00:00', 'DD-MMM-YY')).toBe('naive 2025-07-01T00:00:00.000Z');
    expect(text('1-jul-25 13:05', 'DD-MMM-YY')).toBe('naive 2025-07-01T13:05:00.000Z');
    expect(text('1-Jul-2025 00:00:00.123', 'DD-MMM-YYYY')).toBe('naive 2025-07-01T00:00:00.123Z');
    expect(text('01 July 2025 12:00 PM', 'DD-MMM-YYYY')).toBe('naive 2025-07-01T12:00:00.000Z');
    expect(text('Jul 1, 2025 12:30:00 AM', 'MMM DD, YYYY')).toBe('naive 2025-07-01T00:30:00.000Z');
    expect(text('Sept 30, 2025', 'MMM DD, YYYY')).toBe('naive 2025-09-30T00:00:00.000Z');
    expect(text('Tue, Jul 1, 2025 1:00 PM', 'MMM DD, YYYY')).toBe('naive 2025-07-01T13:00:00.000Z');
  });

  it('reads two-digit years as POSIX does: 69–99 in the 1900s, 00–68 in the 2000s', () => {
    expect(fullYear(68)).toBe(2068);
    expect(fullYear(69)).toBe(1969);
    expect(text('07/01/25 1:00 PM', 'MM/DD/YY')).toBe('naive 2025-07-01T13:00:00.000Z');
    expect(text('01/07/99', 'DD/MM/YY')).toBe('naive 1999-07-01T00:00:00.000Z');
  });

  it('keeps fractional seconds to the millisecond, as AVEVA writes seven digits', () => {
    expect(text('2025-07-01 00:03:00.5000000', 'iso')).toBe('naive 2025-07-01T00:03:00.500Z');
  });

  it('separates offsets, which are instants, from abbreviations, which need a zone', () => {
    expect(text('01-Jul-25 12:00 AM GMT-4', 'DD-MMM-YY')).toBe('2025-07-01T04:00:00.000Z');
    expect(text('01-Jul-25 12:00 AM UTC', 'DD-MMM-YY')).toBe('2025-07-01T00:00:00.000Z');
    const p = parseTimestampText('01-Jul-25 12:00 AM EDT', 'DD-MMM-YY');
    expect(p.ok && p.offsetMs === null && p.zone).toBe('EDT');
    // ISO proper takes no abbreviation.
    expect(parseIsoText('2025-07-01 00:00 EDT').ok).toBe(false);
  });

  it('stays strict: no 30 February, no month called Foo, the year digits the format says', () => {
    expect(text('30-Feb-25 00:00:00', 'DD-MMM-YY')).toMatch(/day 30 does not exist/);
    expect(text('01-Foo-25', 'DD-MMM-YY')).toMatch(/no month called "Foo"/);
    expect(text('01-Jul-2025', 'DD-MMM-YY')).toMatch(/does not match DD-MMM-YY/);
    expect(text('13:00 PM', 'MM/DD/YY')).toMatch(/does not match/);
    expect(text('7/1/25 13:00 PM', 'MM/DD/YY')).toMatch(/hour 13 with PM/);
  });
});
