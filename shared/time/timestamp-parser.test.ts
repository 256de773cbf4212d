import { describe, expect, it } from 'vitest';
import { createTimestampParser, type TimestampParserOptions } from './timestamp-parser';

const base: Omit<TimestampParserOptions, 'format'> = { ambiguousTime: 'reject', nonexistentTime: 'reject' };
function parse(text: string, o: Partial<TimestampParserOptions> & Pick<TimestampParserOptions, 'format'>): string {
  const r = createTimestampParser({ ...base, ...o })(text);
  return r.ok ? new Date(r.ms).toISOString() : `error: ${r.error}`;
}

describe('timestamp parser', () => {
  it('reads offsets as written and naive times in the chosen zone', () => {
    expect(parse('2024-07-01T12:00:00+02:00', { format: 'iso' })).toBe('2024-07-01T10:00:00.000Z');
    expect(parse('2024-07-01 12:00', { format: 'iso', timeZone: 'America/Chicago' })).toBe('2024-07-01T17:00:00.000Z');
    expect(parse('2024-01-01 12:00', { format: 'iso', timeZone: 'America/Chicago' })).toBe('2024-01-01T18:00:00.000Z');
    // An explicit offset wins over the chosen zone.
    expect(parse('2024-01-01 12:00Z', { format: 'iso', timeZone: 'America/Chicago' })).toBe('2024-01-01T12:00:00.000Z');
  });

  it('refuses naive times when no zone was chosen', () => {
    expect(parse('2024-07-01 12:00', { format: 'iso' })).toMatch(/no UTC offset and no time zone was chosen/);
  });

  it('applies the DST choices', () => {
    expect(parse('2024-03-10 02:30', { format: 'iso', timeZone: 'America/Chicago' })).toMatch(/does not exist/);
    expect(parse('2024-03-10 02:30', { format: 'iso', timeZone: 'America/Chicago', nonexistentTime: 'shift-forward' })).toBe('2024-03-10T08:30:00.000Z');
    expect(parse('11/03/2024 01:30', { format: 'MM/DD/YYYY', timeZone: 'America/Chicago' })).toMatch(/happens twice/);
    expect(parse('11/03/2024 01:30', { format: 'MM/DD/YYYY', timeZone: 'America/Chicago', ambiguousTime: 'later' })).toBe('2024-11-03T07:30:00.000Z');
  });

  it('reads declared slashed orders and rejects the other shape', () => {
    expect(parse('03/04/2024 00:00', { format: 'DD/MM/YYYY', timeZone: 'UTC' })).toBe('2024-04-03T00:00:00.000Z');
    expect(parse('2024-04-03', { format: 'DD/MM/YYYY', timeZone: 'UTC' })).toMatch(/does not match DD\/MM\/YYYY/);
  });

  it('reads epochs and, when the unit was inferred, refuses values of another magnitude', () => {
    expect(parse(' 1704067200 ', { format: 'epoch-s' })).toBe('2024-01-01T00:00:00.000Z');
    expect(parse('1704067200', { format: 'epoch-ms', epochUnitInferred: true })).toMatch(/does not look like epoch milliseconds/);
    expect(parse('1704067200', { format: 'epoch-ms' })).toBe('1970-01-20T17:21:07.200Z');
  });

  it('throws for an unknown zone up front', () => {
    expect(() => createTimestampParser({ ...base, format: 'iso', timeZone: 'Atlantis/Capital' })).toThrow(/Unknown time zone/);
  });
});

describe('the remembered-date hot path', () => {
  /** A parser per text reads every text the strict way: the reference the fast path must match. */
  const fresh = (o: TimestampParserOptions) => (text: string) => createTimestampParser(o)(text);

  it('reads every text as the strict path does, across days, DST changes, labels and malformed times', () => {
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const pad = (n: number) => String(n).padStart(2, '0');
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const texts: string[] = [];
    // Minutes through the nights clocks change in Chicago, in PI's, Niagara's and ISO's spelling, with noise.
    for (const day of [Date.UTC(2025, 2, 9), Date.UTC(2025, 10, 2), Date.UTC(2024, 1, 28)]) {
      for (let m = 0; m < 6 * 60; m += 7) {
        const d = new Date(day + m * 60_000);
        const [y, mo, da, h, mi] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
        texts.push(`${pad(da)}-${MONTHS[mo]}-${pad(y % 100)} ${pad(h)}:${pad(mi)}:${pad(rnd(60))}`);
        texts.push(`${pad(da)}-${MONTHS[mo]}-${pad(y % 100)} ${h % 12 || 12}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'} ${['CST', 'CDT', 'EST', 'UTC'][rnd(4)]}`);
        texts.push(`${y}-${pad(mo + 1)}-${pad(da)} ${pad(h)}:${pad(mi)}:00.${rnd(10_000_000)}`);
        if (rnd(10) === 0)
          texts.push(`${pad(da)}-${MONTHS[mo]}-${pad(y % 100)} ${[`24:${pad(mi)}`, `${h}:60`, `13:00 PM`, `${h}:${pad(mi)} XYZW`, `${h}`][rnd(5)]}`);
      }
    }
    // Epoch columns too, where the hot path reads plain digits.
    const epochs = ['1751328000', '1751328060', ' 1751328120', '17513281', '1751328000000', 'x'];
    for (const epochUnitInferred of [true, false]) {
      const o: TimestampParserOptions = { format: 'epoch-s', ambiguousTime: 'reject', nonexistentTime: 'reject', epochUnitInferred };
      const fast = createTimestampParser(o);
      for (const t of epochs) {
        const hot = fast.ms(t);
        if (hot === hot) expect({ ok: true, ms: hot }).toEqual(fresh(o)(t));
        expect(fast(t)).toEqual(fresh(o)(t));
      }
    }
    for (const format of ['DD-MMM-YY', 'iso'] as const) {
      for (const timeZone of ['America/Chicago', undefined]) {
        for (const ambiguousTime of ['reject', 'later'] as const) {
          const o: TimestampParserOptions = { format, timeZone, ambiguousTime, nonexistentTime: 'shift-forward' };
          const fast = createTimestampParser(o);
          const strict = fresh(o);
          for (const t of texts) {
            const reference = strict(t);
            // The bare hot path either declines (NaN) or gives the strict instant.
            const hot = fast.ms(t);
            if (hot === hot) expect([t, { ok: true, ms: hot }]).toEqual([t, reference]);
            expect([t, fast(t)]).toEqual([t, reference]);
          }
        }
      }
    }
  });
});
