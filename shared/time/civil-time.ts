/**
 * Civil (calendar) dates and times without a zone: validation and conversion to "wall milliseconds",
 * the instant the wall time would be if it were UTC. Zones are applied elsewhere (wall-time.ts).
 */

/** A calendar date and time of day as written, before any zone is applied. */
export interface CivilTime {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Whether a year is a leap year in the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

/** Why a civil time is invalid, or null when it is valid (2024-02-30 is invalid, never rolled into March). */
export function civilTimeProblem(c: CivilTime): string | null {
  if (!Number.isInteger(c.year) || c.year < 1 || c.year > 9999) return `the year ${c.year} is out of range`;
  if (!Number.isInteger(c.month) || c.month < 1 || c.month > 12) return `the month ${c.month} does not exist`;
  const days = daysInMonth(c.year, c.month);
  if (!Number.isInteger(c.day) || c.day < 1 || c.day > days) return `day ${c.day} does not exist in ${c.year}-${pad2(c.month)} (it has ${days} days)`;
  if (!Number.isInteger(c.hour) || c.hour < 0 || c.hour > 23) return `the hour ${c.hour} is out of range (0–23)`;
  if (!Number.isInteger(c.minute) || c.minute < 0 || c.minute > 59) return `the minute ${c.minute} is out of range (0–59)`;
  if (!Number.isInteger(c.second) || c.second < 0 || c.second > 59) return `the second ${c.second} is out of range (0–59)`;
  if (!Number.isInteger(c.millisecond) || c.millisecond < 0 || c.millisecond > 999) return `the millisecond ${c.millisecond} is out of range`;
  return null;
}

/** The civil time read as if it were UTC, in epoch milliseconds; the caller validates first. */
export function civilToWallMs(c: CivilTime): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(Date.UTC(2000, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond));
  d.setUTCFullYear(c.year);
  return d.getTime();
}

/** The civil time of an epoch instant in UTC. */
export function wallMsToCivil(ms: number): CivilTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** A civil time as `YYYY-MM-DD HH:MM[:SS[.mmm]]`, for messages. */
export function formatCivil(c: CivilTime): string {
  let s = `${String(c.year).padStart(4, '0')}-${pad2(c.month)}-${pad2(c.day)} ${pad2(c.hour)}:${pad2(c.minute)}`;
  if (c.second !== 0 || c.millisecond !== 0) s += `:${pad2(c.second)}`;
  if (c.millisecond !== 0) s += `.${String(c.millisecond).padStart(3, '0')}`;
  return s;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
