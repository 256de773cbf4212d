import { describe, expect, it } from 'vitest';
import { civilTimeProblem, civilToWallMs, daysInMonth, formatCivil, isLeapYear, wallMsToCivil, type CivilTime } from './civil-time';

const at = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): CivilTime => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
  millisecond,
});

describe('civil dates', () => {
  it('knows Gregorian leap years', () => {
    expect([2024, 2000, 1600].map(isLeapYear)).toEqual([true, true, true]);
    expect([2023, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
  });

  it('rejects dates that do not exist instead of rolling them over', () => {
    expect(civilTimeProblem(at(2024, 2, 30))).toMatch(/day 30 does not exist in 2024-02/);
    expect(civilTimeProblem(at(2023, 2, 29))).toMatch(/day 29/);
    expect(civilTimeProblem(at(2024, 4, 31))).toMatch(/day 31/);
    expect(civilTimeProblem(at(2024, 13, 1))).toMatch(/month 13/);
    expect(civilTimeProblem(at(2024, 1, 1, 24))).toMatch(/hour 24/);
    expect(civilTimeProblem(at(2024, 1, 1, 0, 60))).toMatch(/minute 60/);
    expect(civilTimeProblem(at(2024, 1, 1, 0, 0, 60))).toMatch(/second 60/);
    expect(civilTimeProblem(at(2024, 2, 29, 23, 59, 59, 999))).toBeNull();
  });

  it('reads a civil time as UTC, including years below 100 that Date.UTC would shift', () => {
    expect(civilToWallMs(at(2024, 3, 10, 2, 30))).toBe(Date.parse('2024-03-10T02:30:00Z'));
    expect(new Date(civilToWallMs(at(50, 1, 1))).getUTCFullYear()).toBe(50);
    const c = at(1999, 12, 31, 23, 59, 58, 7);
    expect(wallMsToCivil(civilToWallMs(c))).toEqual(c);
  });

  it('formats for messages', () => {
    expect(formatCivil(at(2024, 3, 10, 2, 30))).toBe('2024-03-10 02:30');
    expect(formatCivil(at(2024, 3, 10, 2, 30, 5, 20))).toBe('2024-03-10 02:30:05.020');
  });
});
