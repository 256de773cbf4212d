import { describe, expect, it } from 'vitest';
import { parseSeriesKey } from '../series/series-key';
import { chunkToBatches } from './chunk-batches';
import { minuteAt } from './fault-schedule';
import { DAY_MINUTES, MINUTE_MS, SIM_MINUTES, SIM_START_MS, SimClock, localToUtcMs, newLocalTime, zoneOffsetMinutes } from './sim-clock';
import { SIM_SERIES } from './sim-series';
import { simulatePlant } from './simulator';
import type { SimChunk, SimOptions } from './simulator';

function run(o: SimOptions): SimChunk[] {
  return [...simulatePlant(o)];
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

describe('the demo year grid', () => {
  it('starts and ends at local midnight in Chicago and has 525,600 minutes', () => {
    expect(SIM_START_MS).toBe(Date.parse('2025-01-01T00:00:00-06:00'));
    expect(SIM_START_MS + SIM_MINUTES * MINUTE_MS).toBe(Date.parse('2026-01-01T00:00:00-06:00'));
    expect(zoneOffsetMinutes('America/Chicago', Date.parse('2025-07-01T12:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/Chicago', Date.parse('2025-01-15T12:00:00Z'))).toBe(-360);
    expect(localToUtcMs('2025-03-09T03:00')).toBe(Date.parse('2025-03-09T03:00:00-05:00'));
    expect(() => localToUtcMs('2025-03-09T02:30')).toThrow(/does not exist/);
  });

  it('knows the zone offset of every hour, across both daylight-saving changes', () => {
    const clock = new SimClock();
    for (let m = 0; m < SIM_MINUTES; m += 60) expect(clock.offsetAt(m)).toBe(zoneOffsetMinutes('America/Chicago', clock.timeOf(m)));
    const local = newLocalTime();
    clock.local(minuteAt('2025-11-02T01:30'), local, true);
    expect(local).toEqual({ hour: 1.5, weekday: 0, dayOfYear: 305, date: '2025-11-02' });
  });
});

describe('simulatePlant', () => {
  it('yields one time column and one value column per point, one row a minute', () => {
    const chunks = run({ fromDay: 10, toDay: 12, chunkDays: 1 });
    expect(chunks).toHaveLength(2);
    const c = chunks[1] as SimChunk;
    expect(c.columns).toHaveLength(SIM_SERIES.length);
    expect(c.t).toHaveLength(DAY_MINUTES);
    expect(c.t[0]).toBe(SIM_START_MS + 11 * DAY_MINUTES * MINUTE_MS);
    expect((c.t[1] as number) - (c.t[0] as number)).toBe(MINUTE_MS);
    for (const col of c.columns) expect(col).toHaveLength(DAY_MINUTES);
  });

  it('is bit-identical for the same seed, whatever the chunk size or the first emitted day', () => {
    const whole = run({ fromDay: 0, toDay: 3, chunkDays: 3 });
    const again = run({ fromDay: 0, toDay: 3, chunkDays: 1 });
    const tail = run({ fromDay: 2, toDay: 3 });
    const w = whole[0] as SimChunk;
    const last = again[2] as SimChunk;
    const t = tail[0] as SimChunk;
    SIM_SERIES.forEach((s, i) => {
      const day3 = (w.columns[i] as Float64Array).subarray(2 * DAY_MINUTES);
      expect(sameBits(day3, last.columns[i] as Float64Array), s.name).toBe(true);
      expect(sameBits(day3, t.columns[i] as Float64Array), s.name).toBe(true);
    });
  });

  it('gives different data for a different seed', () => {
    const a = run({ seed: 7, fromDay: 0, toDay: 1 })[0] as SimChunk;
    const b = run({ seed: 8, fromDay: 0, toDay: 1 })[0] as SimChunk;
    const oat = SIM_SERIES.findIndex((s) => s.name === 'B7 OAT');
    expect(sameBits(a.columns[oat] as Float64Array, b.columns[oat] as Float64Array)).toBe(false);
  });

  it('refuses ranges outside the year', () => {
    expect(() => run({ fromDay: 5, toDay: 5 })).toThrow(RangeError);
    expect(() => run({ fromDay: 0, toDay: 366 })).toThrow(RangeError);
    expect(() => run({ chunkDays: 0 })).toThrow(RangeError);
  });
});

describe('the historian points', () => {
  it('have unique keys that parse back to their historian names with the field "value"', () => {
    const keys = new Set(SIM_SERIES.map((s) => s.key));
    expect(keys.size).toBe(SIM_SERIES.length);
    expect(SIM_SERIES.length).toBeGreaterThanOrEqual(50);
    for (const s of SIM_SERIES) expect(parseSeriesKey(s.key)).toEqual({ measurement: s.name, tags: {}, field: 'value' });
    // Names with spaces are escaped in their keys.
    expect(SIM_SERIES.find((s) => s.name === 'B7 OAT')?.key).toBe('B7\\ OAT#value');
  });

  it('store values at their historian resolution', () => {
    const c = run({ fromDay: 190, toDay: 191 })[0] as SimChunk;
    SIM_SERIES.forEach((s, i) => {
      const col = c.columns[i] as Float64Array;
      for (let k = 0; k < col.length; k += 37) {
        const v = col[k] as number;
        if (v !== v) continue;
        expect(Math.abs(v / s.quantum - Math.round(v / s.quantum)), `${s.name} ${v}`).toBeLessThan(1e-6);
      }
    });
  });
});

describe('chunkToBatches', () => {
  it('drops missing minutes and keeps times and values paired', () => {
    // 2025-02-18 (day 48) holds a historian outage for every point.
    const chunk = run({ fromDay: 48, toDay: 49 })[0] as SimChunk;
    const batches = chunkToBatches(chunk);
    expect(batches.map((b) => b.key)).toEqual(SIM_SERIES.map((s) => s.key));
    expect(batches.map((b) => b.description)).toEqual(SIM_SERIES.map((s) => s.label));
    expect(batches.find((b) => b.key === 'B7_CH1_KW#value')?.unit).toBe('kW');
    expect(batches.find((b) => b.key === 'B7_CH1_STS#value')?.unit).toBeUndefined();
    for (const [i, b] of batches.entries()) {
      const col = chunk.columns[i] as Float64Array;
      const present = col.filter((v) => v === v).length;
      expect(b.t.length).toBe(present);
      expect(b.v.length).toBe(present);
      expect(present).toBeLessThan(DAY_MINUTES - 270);
      for (let j = 1; j < b.t.length; j++) expect(b.t[j]).toBeGreaterThan(b.t[j - 1] as number);
      expect(Array.from(b.v).every((v) => Number.isFinite(v))).toBe(true);
      const k = ((b.t[10] as number) - SIM_START_MS) / MINUTE_MS - 48 * DAY_MINUTES;
      expect(col[k]).toBe(b.v[10]);
    }
  });
});
