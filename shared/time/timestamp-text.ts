/**
 * Reading timestamp text in a declared format into a civil time and its zone, strictly: no rollover
 * (2024-02-30 is an error), no guessing of day/month order, the year's digits as the format says.
 * A two-digit year is read as POSIX does: 69–99 are 1969–1999, 00–68 are 2000–2068.
 * The zone is an offset (`Z`, `+05:30`, `UTC`, `GMT-4`), an abbreviation (`EDT`, which only the chosen
 * zone can give a meaning to), or absent (a naive wall time).
 */
import { civilTimeProblem, type CivilTime } from './civil-time';
import { monthNumber } from './month-names';
import type { TimestampFormat } from './timestamp-format';
import { quoteText } from './quote-text';

/** Which way a slashed date is written. */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/** A civil time and its offset from UTC in ms; `offsetMs` null for a naive wall time or one with a zone abbreviation (`zone`). */
export type TextParse = { ok: true; civil: CivilTime; offsetMs: number | null; zone: string | null } | { ok: false; error: string };

/** Parse a UTC offset (`Z`, `UTC`, `+05:30`, `-0600`, `+01`, `GMT-4`, `UTC+05:30`) into ms; null when malformed or beyond ±18 h. */
export function parseOffset(text: string): number | null {
  if (text === 'Z' || text === 'z' || text === 'UTC' || text === 'GMT' || text === 'UT') return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(text);
  if (!m) return null;
  if (!/^(UTC|GMT)/.test(text) && (m[2] as string).length !== 2) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 18 || minutes > 59 || (hours === 18 && minutes > 0)) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

// Date parts: each captures year, month (digits or a name) and day in the order its format writes them.
const D = String.raw`(\d{1,2})`;
const MONTH_NAME = String.raw`([A-Za-z]{3,9})\.?`;
type DateSpec = { source: string; order: ('y' | 'm' | 'd')[]; groups: number; yearDigits: 2 | 4; name: boolean; hourDigits: string; separator: string };
const NUMERIC_SEP = String.raw`(?:[Tt]|\s+)`;
const SPECS: Record<Exclude<TimestampFormat, `epoch-${string}`>, DateSpec> = {
  iso: { source: String.raw`(\d{4})-(\d{2})-(\d{2})`, order: ['y', 'm', 'd'], groups: 3, yearDigits: 4, name: false, hourDigits: '2', separator: '[Tt ]' },
  'MM/DD/YYYY': {
    source: String.raw`${D}([/.-])${D}\2(\d{4})`,
    order: ['m', 'd', 'y'],
    groups: 4,
    yearDigits: 4,
    name: false,
    hourDigits: '1,2',
    separator: NUMERIC_SEP,
  },
  'DD/MM/YYYY': {
    source: String.raw`${D}([/.-])${D}\2(\d{4})`,
    order: ['d', 'm', 'y'],
    groups: 4,
    yearDigits: 4,
    name: false,
    hourDigits: '1,2',
    separator: NUMERIC_SEP,
  },
  'YYYY/MM/DD': {
    source: String.raw`(\d{4})([/.-])${D}\2${D}`,
    order: ['y', 'm', 'd'],
    groups: 4,
    yearDigits: 4,
    name: false,
    hourDigits: '1,2',
    separator: NUMERIC_SEP,
  },
  'MM/DD/YY': {
    source: String.raw`${D}([/.-])${D}\2(\d{2})`,
    order: ['m', 'd', 'y'],
    groups: 4,
    yearDigits: 2,
    name: false,
    hourDigits: '1,2',
    separator: NUMERIC_SEP,
  },
  'DD/MM/YY': {
    source: String.raw`${D}([/.-])${D}\2(\d{2})`,
    order: ['d', 'm', 'y'],
    groups: 4,
    yearDigits: 2,
    name: false,
    hourDigits: '1,2',
    separator: NUMERIC_SEP,
  },
  'DD-MMM-YY': {
    source: String.raw`${D}([-/ ])${MONTH_NAME}\2(\d{2})`,
    order: ['d', 'm', 'y'],
    groups: 4,
    yearDigits: 2,
    name: true,
    hourDigits: '1,2',
    separator: NUMERIC_SEP,
  },
  'DD-MMM-YYYY': {
    source: String.raw`${D}([-/ ])${MONTH_NAME}\2(\d{4})`,
    order: ['d', 'm', 'y'],
    groups: 4,
    yearDigits: 4,
    name: true,
    hourDigits: '1,2',
    separator: NUMERIC_SEP,
  },
  'MMM DD, YYYY': {
    source: String.raw`(?:[A-Za-z]{3,9},?\s+)??${MONTH_NAME}\s+${D},?\s+(\d{4})`,
    order: ['m', 'd', 'y'],
    groups: 3,
    yearDigits: 4,
    name: true,
    hourDigits: '1,2',
    separator: String.raw`(?:[Tt]|,?\s+)`,
  },
};

/** Time of day, AM/PM and zone after the date (their groups follow the date's). */
function tail(hourDigits: string, separator: string, abbreviations: boolean): string {
  const zone = abbreviations ? String.raw`|[A-Z]{2,5}` : '';
  return (
    String.raw`(?:${separator}(\d{${hourDigits}}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?` +
    String.raw`(?:\s*(Z|z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?${zone}))?`
  );
}

// One map per choice of abbreviations, keyed by the format itself: detection calls this for every format and sample.
const compiled = [new Map<string, RegExp>(), new Map<string, RegExp>()] as const;
function regexFor(format: keyof typeof SPECS, abbreviations: boolean): RegExp {
  const cache = compiled[abbreviations ? 1 : 0];
  let re = cache.get(format);
  if (!re) {
    const s = SPECS[format];
    re = new RegExp(`^${s.source}${tail(s.hourDigits, s.separator, abbreviations)}$`);
    cache.set(format, re);
  }
  return re;
}

function fractionMs(digits: string | undefined): number {
  // Sub-millisecond digits are dropped: instants are whole milliseconds.
  return digits === undefined ? 0 : Number(digits.slice(0, 3).padEnd(3, '0'));
}

function finish(civil: CivilTime, zoneText: string | undefined, text: string): TextParse {
  const problem = civilTimeProblem(civil);
  if (problem) return { ok: false, error: `${quoteText(text)} is not a real date and time: ${problem}` };
  if (zoneText === undefined) return { ok: true, civil, offsetMs: null, zone: null };
  const offsetMs = parseOffset(zoneText);
  if (offsetMs !== null) return { ok: true, civil, offsetMs, zone: null };
  if (/^[A-Z]{2,5}$/.test(zoneText)) return { ok: true, civil, offsetMs: null, zone: zoneText };
  return { ok: false, error: `${quoteText(text)} has an invalid UTC offset "${zoneText}"` };
}

/** The year a two-digit year means (POSIX: 69–99 → 1900s, 00–68 → 2000s). */
export function fullYear(twoDigits: number): number {
  return twoDigits >= 69 ? 1900 + twoDigits : 2000 + twoDigits;
}

/** Parse text in a textual format (not epoch); `abbreviations` allows zone abbreviations such as EDT. */
export function parseTimestampText(text: string, format: keyof typeof SPECS, abbreviations = true): TextParse {
  const spec = SPECS[format];
  const m = regexFor(format, abbreviations).exec(text);
  if (!m) return { ok: false, error: mismatch(text, format) };
  const parts: Record<'y' | 'm' | 'd', string> = { y: '', m: '', d: '' };
  // Numeric formats capture the separator as their second group.
  const dateGroups = spec.groups === 4 ? [1, 3, 4] : [1, 2, 3];
  spec.order.forEach((k, i) => (parts[k] = m[dateGroups[i] as number] as string));
  let month: number;
  if (spec.name) {
    const n = monthNumber(parts.m);
    if (n === null) return { ok: false, error: `${quoteText(text)} has no month called "${parts.m}"` };
    month = n;
  } else month = Number(parts.m);
  const year = spec.yearDigits === 2 ? fullYear(Number(parts.y)) : Number(parts.y);
  const t = spec.groups;
  let hour = Number(m[t + 1] ?? '0');
  const meridiem = m[t + 5]?.toUpperCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return { ok: false, error: `${quoteText(text)} has hour ${hour} with ${meridiem}M (expected 1–12)` };
    hour = (hour % 12) + (meridiem === 'P' ? 12 : 0);
  }
  const civil: CivilTime = {
    year,
    month,
    day: Number(parts.d),
    hour,
    minute: Number(m[t + 2] ?? '0'),
    second: Number(m[t + 3] ?? '0'),
    millisecond: fractionMs(m[t + 4]),
  };
  return finish(civil, m[t + 6], text);
}

const shortYears = new Map<string, RegExp>();

function mismatch(text: string, format: keyof typeof SPECS): string {
  if (format === 'iso') return `${quoteText(text)} is not an ISO 8601 timestamp (expected e.g. 2024-03-10T14:30:00Z)`;
  const spec = SPECS[format];
  // Say so when only the year's digits are wrong: the other format of the same order reads it.
  if (!spec.name && spec.source.includes('(\\d{4})')) {
    let shortYear = shortYears.get(format);
    if (!shortYear) {
      shortYear = new RegExp(`^${spec.source.replace('(\\d{4})', '(\\d{2})')}\\b`);
      shortYears.set(format, shortYear);
    }
    if (shortYear.test(text)) return `${quoteText(text)} does not match ${format} (the year must have four digits; choose ${format.replace('YYYY', 'YY')})`;
  }
  return `${quoteText(text)} does not match ${format}`;
}

/** Parse ISO 8601 (`2024-03-10T02:30:00.5-06:00`, a space instead of `T`, `Z`, or no offset at all); no zone abbreviations. */
export function parseIsoText(text: string): TextParse {
  return parseTimestampText(text, 'iso', false);
}

const ORDER_FORMAT: Record<DateOrder, 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'YYYY/MM/DD'> = { MDY: 'MM/DD/YYYY', DMY: 'DD/MM/YYYY', YMD: 'YYYY/MM/DD' };

/** Parse a date written with `/`, `.` or `-` in a declared order, with an optional time, AM/PM and zone. */
export function parseSlashedText(text: string, order: DateOrder): TextParse {
  return parseTimestampText(text, ORDER_FORMAT[order]);
}
