/**
 * One strict parser per import: a declared (or detected) format, a zone for naive wall times,
 * and the user's choice for DST gaps and overlaps. Returns results instead of throwing, since
 * bad rows are expected and reported by line.
 */
import { civilToWallMs } from './civil-time';
import { EPOCH_UNIT_NAMES, epochTextToMs, fitsEpochUnit } from './epoch-units';
import { epochUnitOf, type TimestampFormat } from './timestamp-format';
import { parseTimestampText, type TextParse } from './timestamp-text';
import { resolveWallTime, type InstantResult, type WallTimeOptions } from './wall-time';
import { abbreviationHourCache, resolveAbbreviatedTime } from './zone-abbreviations';
import { hourOffsetCache, readTimeOfDay, timeOfDayZone, timeStart, wallDayMs } from './fast-timestamps';
import { isValidTimeZone } from './zone-offsets';
import { quoteText } from './quote-text';

export interface TimestampParserOptions extends WallTimeOptions {
  format: TimestampFormat;
  /** IANA zone for timestamps without an offset; without it such timestamps are errors. */
  timeZone?: string | undefined;
  /** The epoch unit was inferred from magnitude: values of another magnitude are then errors, not silently misread. */
  epochUnitInferred?: boolean;
}

export interface TimestampParser {
  (text: string): InstantResult;
  /** The instant in ms by the hot path alone, or NaN when the text needs the full parse (for its error, or a rarer form). */
  ms(text: string): number;
  /** `ms` of the cell `text[start, end)`, read in place (a row's cells are never cut out as strings on the hot path). */
  msIn(text: string, start: number, end: number): number;
}

function withMs(parse: (text: string) => InstantResult, msIn: (text: string, start: number, end: number) => number): TimestampParser {
  return Object.assign(parse, { ms: (text: string) => msIn(text, 0, text.length), msIn });
}

/** Epoch digits of `text[start, end)` as a number: at most 15 digits (so exact), else NaN. */
function epochDigits(text: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return NaN;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** Build a parser for one column of timestamps; throws RangeError for an unknown zone. */
export function createTimestampParser(o: TimestampParserOptions): TimestampParser {
  if (o.timeZone !== undefined && !isValidTimeZone(o.timeZone)) throw new RangeError(`Unknown time zone "${o.timeZone}"`);
  const unit = epochUnitOf(o.format);
  if (unit !== null) {
    const parse = (raw: string): InstantResult => {
      const text = raw.trim();
      const r = epochTextToMs(text, unit);
      if (r.ok && o.epochUnitInferred && !fitsEpochUnit(Number(text), unit)) {
        return { ok: false, error: `${quoteText(text)} does not look like epoch ${EPOCH_UNIT_NAMES[unit]} as the rest of the column does` };
      }
      return r;
    };
    // Whole seconds or milliseconds of up to 15 digits are exact as numbers.
    const scale = unit === 's' ? 1000 : unit === 'ms' ? 1 : 0;
    return withMs(parse, (text, start, end) => {
      const v = scale === 0 ? NaN : epochDigits(text, start, end);
      return v !== v || (o.epochUnitInferred && !fitsEpochUnit(v, unit)) ? NaN : v * scale;
    });
  }
  const format = o.format as Exclude<TimestampFormat, `epoch-${string}`>;
  const zone = o.timeZone;
  // The hot path (fast-timestamps.ts): a remembered date prefix, the time read by hand, the hour's offset remembered.
  const naive = zone === undefined ? null : hourOffsetCache(zone);
  const labelled = zone === undefined ? null : abbreviationHourCache(zone);
  /** The instant of a text as parsed (`p`), by the strict rules. */
  const strict = (text: string, p: TextParse): InstantResult => {
    if (!p.ok) return p;
    if (p.offsetMs !== null) return { ok: true, ms: civilToWallMs(p.civil) - p.offsetMs };
    if (zone === undefined) {
      return p.zone === null
        ? { ok: false, error: `${quoteText(text)} has no UTC offset and no time zone was chosen for the import` }
        : { ok: false, error: `${quoteText(text)} says ${p.zone}, which means different offsets in different zones: choose the time zone of the import` };
    }
    // An hour whose offset holds throughout is read as the hot path reads it; DST hours and errors take the full rules.
    const wall = civilToWallMs(p.civil);
    const quick = p.zone !== null ? labelled?.(wall, p.zone) : naive?.(wall);
    if (quick != null) return { ok: true, ms: quick };
    if (p.zone !== null) {
      const r = resolveAbbreviatedTime(p.civil, p.zone, zone);
      return r.ok ? r : { ok: false, error: `${quoteText(text)}: ${r.error}` };
    }
    const r = resolveWallTime(p.civil, zone, o);
    return r.ok ? r : { ok: false, error: `${quoteText(text)}: ${r.error}` };
  };
  const twoDigitHours = format === 'iso';
  let prefix = '';
  let dayMs = 0;
  const fast = (text: string, start: number, end: number): number => {
    const at = start + prefix.length;
    if (prefix === '' || at >= end || !text.startsWith(prefix, start) || (twoDigitHours && (at + 2 >= end || text.charCodeAt(at + 2) !== 58))) return NaN;
    const t = readTimeOfDay(text, at, end);
    if (t < 0) return NaN;
    const wall = dayMs + t;
    const label = timeOfDayZone;
    if (label === null) return naive?.(wall) ?? NaN;
    if (label === 'Z' || label === 'UTC' || label === 'GMT') return wall;
    return labelled?.(wall, label) ?? NaN;
  };
  const parse = (raw: string): InstantResult => {
    const text = raw.trim();
    const ms = fast(text, 0, text.length);
    if (ms === ms) return { ok: true, ms };
    // Parsed once, for the instant and for the date the hot path remembers (every new day of an export comes here).
    const p = parseTimestampText(text, format);
    const r = strict(text, p);
    if (r.ok && p.ok) {
      const start = timeStart(text);
      if (start > 0) {
        prefix = text.slice(0, start);
        dayMs = wallDayMs(p.civil);
      }
    }
    return r;
  };
  return withMs(parse, fast);
}
