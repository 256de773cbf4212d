/**
 * Reading timestamp text into a civil time and an optional UTC offset, strictly: no rollover
 * (2024-02-30 is an error), no guessing of day/month order, no two-digit years.
 */
import { civilTimeProblem, type CivilTime } from './civil-time';

/** Which way a slashed date is written. */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/** A civil time and its offset from UTC in ms, or null for a naive (zone-less) wall time. */
export type TextParse = { ok: true; civil: CivilTime; offsetMs: number | null } | { ok: false; error: string };

const OFFSET = String.raw`(?:\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?${OFFSET}$`);
const SLASHED = new RegExp(
  String.raw`^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?${OFFSET}$`,
);

/** Parse a UTC offset (`Z`, `UTC`, `+05:30`, `-0600`, `+01`) into ms; null when malformed or beyond ±18 h. */
export function parseOffset(text: string): number | null {
  if (text === 'Z' || text === 'z' || text === 'UTC' || text === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 18 || minutes > 59 || (hours === 18 && minutes > 0)) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function fractionMs(digits: string | undefined): number {
  // Sub-millisecond digits are dropped: instants are whole milliseconds.
  return digits === undefined ? 0 : Number(digits.slice(0, 3).padEnd(3, '0'));
}

function finish(civil: CivilTime, offsetText: string | undefined, text: string): TextParse {
  const problem = civilTimeProblem(civil);
  if (problem) return { ok: false, error: `"${text}" is not a real date and time: ${problem}` };
  if (offsetText === undefined) return { ok: true, civil, offsetMs: null };
  const offsetMs = parseOffset(offsetText);
  if (offsetMs === null) return { ok: false, error: `"${text}" has an invalid UTC offset "${offsetText}"` };
  return { ok: true, civil, offsetMs };
}

/** Parse ISO 8601 (`2024-03-10T02:30:00.5-06:00`, a space instead of `T`, `Z`, or no offset at all). */
export function parseIsoText(text: string): TextParse {
  const m = ISO.exec(text);
  if (!m) return { ok: false, error: `"${text}" is not an ISO 8601 timestamp (expected e.g. 2024-03-10T14:30:00Z)` };
  const civil: CivilTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? '0'),
    minute: Number(m[5] ?? '0'),
    second: Number(m[6] ?? '0'),
    millisecond: fractionMs(m[7]),
  };
  return finish(civil, m[8], text);
}

const ORDER_NAME: Record<DateOrder, string> = { MDY: 'MM/DD/YYYY', DMY: 'DD/MM/YYYY', YMD: 'YYYY/MM/DD' };

/** Parse a date written with `/`, `.` or `-` in a declared order, with an optional time, AM/PM and offset. */
export function parseSlashedText(text: string, order: DateOrder): TextParse {
  const m = SLASHED.exec(text);
  const bad = (why: string): TextParse => ({ ok: false, error: `"${text}" does not match ${ORDER_NAME[order]}${why}` });
  if (!m) return bad('');
  const [a, b, c] = [m[1] as string, m[3] as string, m[4] as string];
  let year: string, month: string, day: string;
  if (order === 'YMD') [year, month, day] = [a, b, c];
  else if (order === 'MDY') [month, day, year] = [a, b, c];
  else [day, month, year] = [a, b, c];
  if (year.length !== 4) return bad(' (the year must have four digits)');
  if (month.length > 2 || day.length > 2) return bad('');
  let hour = Number(m[5] ?? '0');
  const meridiem = m[9]?.toUpperCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return { ok: false, error: `"${text}" has hour ${hour} with ${meridiem}M (expected 1–12)` };
    hour = (hour % 12) + (meridiem === 'P' ? 12 : 0);
  }
  const civil: CivilTime = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour,
    minute: Number(m[6] ?? '0'),
    second: Number(m[7] ?? '0'),
    millisecond: fractionMs(m[8]),
  };
  return finish(civil, m[10], text);
}
