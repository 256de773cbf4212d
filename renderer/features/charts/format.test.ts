import { describe, expect, it } from 'vitest';
import { formatSpan, formatValue, shortIso } from './format';

describe('legend formats', () => {
  it('writes spans in their two largest units', () => {
    expect(formatSpan(31_536_000)).toBe('8 h 45 min');
    expect(formatSpan(21_600)).toBe('21.6 s');
    expect(formatSpan(3)).toBe('3 ms');
    expect(formatSpan(2 * 86_400_000 + 5 * 60_000)).toBe('2 d');
    expect(formatSpan(90_061_000)).toBe('1 d 1 h');
    expect(formatSpan(60_000)).toBe('1 min');
  });

  it('writes readings with five significant digits and a dash for none', () => {
    expect(formatValue(412.34567)).toBe('412.35');
    expect(formatValue(0.000123456)).toBe('0.00012346');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(1234567)).toBe('1234600');
  });
});

describe('short instants', () => {
  it('drops the T, the offset and zero seconds', () => {
    expect(shortIso('2025-11-28T23:59:00-06:00')).toBe('2025-11-28 23:59');
    expect(shortIso('2025-11-28T23:59:00.001-06:00')).toBe('2025-11-28 23:59:00.001');
    expect(shortIso('2025-11-28T23:59:07+05:30')).toBe('2025-11-28 23:59:07');
  });
});
