import { describe, expect, it } from 'vitest';
import { formatAge, formatValue, formatWithUnit } from './value-format';

describe('value formatting', () => {
  it('prints to the sensor precision with thousands separated and a real minus sign', () => {
    expect(formatValue(6.7, 2)).toBe('6.70');
    expect(formatValue(1234.56, 1)).toBe('1,234.6');
    expect(formatValue(-3.25, 1)).toBe('−3.3');
    expect(formatWithUnit(42, 0, '%')).toBe('42 %');
    expect(formatWithUnit(1, 0, null)).toBe('1');
  });

  it('prints ages in the two largest units', () => {
    expect(formatAge(45_000)).toBe('45 s');
    expect(formatAge(12 * 60_000 + 5_000)).toBe('12 min');
    expect(formatAge(3 * 3_600_000)).toBe('3 h');
    expect(formatAge(3 * 3_600_000 + 20 * 60_000)).toBe('3 h 20 min');
    expect(formatAge(52 * 3_600_000)).toBe('2 d 4 h');
    expect(formatAge(-5)).toBe('0 s');
  });
});
