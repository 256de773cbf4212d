import { describe, expect, it } from 'vitest';
import { calendarBefore, presetAnchor, presetLabel, presetRange, RANGE_PRESETS } from './range-presets';

const CHI = 'America/Chicago';
const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('range presets', () => {
  it('end at the newest data when it is more than an hour old (the demo year ends in the past)', () => {
    const now = at('2026-03-01T12:00:00Z');
    const newest = at('2026-01-01T05:59:00Z');
    const a = presetAnchor(newest, now);
    expect(a.kind).toBe('newest-data');
    // The range is half-open and ends on the next minute, so the newest point is inside it.
    expect(iso(a.at)).toBe('2026-01-01T06:00:00.000Z');
    expect(a.at).toBeGreaterThan(newest);
  });

  it('end at now when the data is live, or when there is none', () => {
    const now = at('2026-03-01T12:00:30Z');
    expect(presetAnchor(now - 5 * 60_000, now)).toMatchObject({ kind: 'now', at: at('2026-03-01T12:01:00Z') });
    expect(presetAnchor(now - HOUR + 1, now).kind).toBe('now');
    expect(presetAnchor(now - HOUR - 1, now).kind).toBe('newest-data');
    expect(presetAnchor(null, now)).toMatchObject({ kind: 'now', newest: null });
  });

  it('count hours exactly and days in the plant calendar across both DST changes', () => {
    const fall = presetAnchor(at('2025-11-15T05:59:00Z'), at('2026-01-01T00:00:00Z')); // 2025-11-15 00:00 CST
    expect(presetRange('1h', fall, CHI)).toEqual({ from: fall.at - HOUR, to: fall.at });
    expect(presetRange('24h', fall, CHI).from).toBe(fall.at - 24 * HOUR);
    const d30 = presetRange('30d', fall, CHI);
    // From midnight CDT 30 days before: the extra hour of 2 November makes it 721 hours.
    expect(iso(d30.from)).toBe('2025-10-16T05:00:00.000Z');
    expect((d30.to - d30.from) / HOUR).toBe(721);
    const spring = presetAnchor(at('2025-03-12T04:59:00Z'), at('2026-01-01T00:00:00Z')); // 2025-03-12 00:00 CDT
    const d7 = presetRange('7d', spring, CHI);
    expect(iso(d7.from)).toBe('2025-03-05T06:00:00.000Z');
    expect((d7.to - d7.from) / HOUR).toBe(167);
  });

  it('steps a year back to the same wall time, 29 February to 28 February', () => {
    expect(iso(calendarBefore(at('2025-07-01T05:00:00Z'), CHI, { years: 1 }))).toBe('2024-07-01T05:00:00.000Z');
    expect(iso(calendarBefore(at('2024-02-29T18:00:00Z'), CHI, { years: 1 }))).toBe('2023-02-28T18:00:00.000Z');
  });

  it('lands past a spring-forward gap and on the first of a repeated hour', () => {
    // 02:30 on 9 March 2025 does not exist in Chicago; a day after it, stepping back one day lands at 03:30 CDT.
    expect(iso(calendarBefore(at('2025-03-10T07:30:00Z'), CHI, { days: 1 }))).toBe('2025-03-09T08:30:00.000Z');
    // 01:30 on 2 November happens twice; the earlier (CDT) is taken.
    expect(iso(calendarBefore(at('2025-11-03T07:30:00Z'), CHI, { days: 1 }))).toBe('2025-11-02T06:30:00.000Z');
  });

  it('shows all data from its oldest point, and the last day when there is none', () => {
    const a = presetAnchor(at('2026-01-01T05:59:00Z'), at('2026-06-01T00:00:00Z'));
    expect(presetRange('all', a, CHI, at('2025-01-01T06:00:30Z'))).toEqual({ from: at('2025-01-01T06:00:00Z'), to: a.at });
    expect(presetRange('all', a, CHI, null)).toEqual({ from: a.at - 24 * HOUR, to: a.at });
  });

  it('names the buttons as DESIGN.md does', () => {
    expect(RANGE_PRESETS.map((p) => p.label)).toContain('Last 30 days');
    expect(presetLabel('all')).toBe('All');
  });
});
