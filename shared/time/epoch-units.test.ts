import { describe, expect, it } from 'vitest';
import { epochTextToMs, fitsEpochUnit, inferEpochUnit, looksLikeEpoch } from './epoch-units';

const ms = (text: string, unit: 's' | 'ms' | 'us' | 'ns'): number | string => {
  const r = epochTextToMs(text, unit);
  return r.ok ? r.ms : r.error;
};

describe('epoch timestamps', () => {
  it('infers the unit of a column from its median magnitude', () => {
    expect(inferEpochUnit([1704067200, 1704067260])).toBe('s');
    expect(inferEpochUnit([1704067200000, 1704067260000])).toBe('ms');
    expect(inferEpochUnit([1704067200000000])).toBe('us');
    expect(inferEpochUnit([1704067200000000000])).toBe('ns');
    // One stray value does not change the column's unit.
    expect(inferEpochUnit([1704067200000, 1704067260000, 5])).toBe('ms');
    expect(inferEpochUnit([])).toBeNull();
  });

  it('converts exactly from text, even 19-digit nanoseconds', () => {
    expect(ms('1704067200', 's')).toBe(1704067200000);
    expect(ms('1704067200.1239', 's')).toBe(1704067200123);
    expect(ms('1704067200123', 'ms')).toBe(1704067200123);
    expect(ms('1704067200123.9', 'ms')).toBe(1704067200123);
    expect(ms('1704067200123999', 'us')).toBe(1704067200123);
    expect(ms('1704067200123999999', 'ns')).toBe(1704067200123);
    expect(ms('999', 'ns')).toBe(0);
    expect(ms('+1704067200', 's')).toBe(1704067200000);
  });

  it('floors negative instants toward the past', () => {
    expect(ms('-1.5', 's')).toBe(-1500);
    expect(ms('-1500001', 'ns')).toBe(-2);
    expect(ms('-1000000', 'ns')).toBe(-1);
  });

  it('rejects non-numbers and out-of-range values', () => {
    expect(ms('12abc', 'ms')).toMatch(/not an epoch timestamp/);
    expect(ms('1e12', 'ms')).toMatch(/not an epoch timestamp/);
    expect(ms('', 's')).toMatch(/not an epoch timestamp/);
    expect(ms('99999999999999999999', 's')).toMatch(/out of range/);
    expect(looksLikeEpoch('1704067200')).toBe(true);
    expect(looksLikeEpoch('2024-01-01')).toBe(false);
  });

  it('tells whether a value belongs to an inferred unit', () => {
    expect(fitsEpochUnit(1704067200000, 'ms')).toBe(true);
    expect(fitsEpochUnit(1704067200, 'ms')).toBe(false);
    expect(fitsEpochUnit(1704067200, 's')).toBe(true);
  });
});
