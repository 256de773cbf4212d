/**
 * Detecting how a column of timestamps is written, from a sample: every textual format is tried and the
 * one that reads the most samples wins; epoch numbers get their unit from magnitude. Day/month order is
 * never guessed (03/04/2024): the data only suggests one, and the user declares it.
 */
import { inferEpochUnit, looksLikeEpoch, type EpochUnit } from './epoch-units';
import { epochFormat, epochUnitOf, TIMESTAMP_FORMATS, type TimestampFormat } from './timestamp-format';
import { parseTimestampText } from './timestamp-text';
import { quoteText } from './quote-text';

/** The rough shape of one timestamp text. */
export type TimestampShape = 'epoch' | 'iso' | 'ymd' | 'slashed' | 'month' | null;

const YMD_SLASHED = /^\d{4}[/.]\d{1,2}[/.]\d{1,2}\b/;
const AMBIGUOUS_SLASHED = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/;
const MONTH_NAMED = /^(?:\d{1,2}[-/ ][A-Za-z]{3,9}\.?[-/ ]\d{2,4}\b|(?:[A-Za-z]{3,9},?\s+)?[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}\b)/;
const OFFSET_TAIL = /(?:Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)$/;

/** Classify one text; null when it is no timestamp form we read. */
export function timestampShape(raw: string): TimestampShape {
  const text = raw.trim();
  if (text === '') return null;
  if (looksLikeEpoch(text)) return 'epoch';
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return 'iso';
  if (YMD_SLASHED.test(text)) return 'ymd';
  if (AMBIGUOUS_SLASHED.test(text)) return 'slashed';
  if (MONTH_NAMED.test(text)) return 'month';
  return null;
}

/** A format that reads some of the samples. */
export interface TimestampChoice {
  format: TimestampFormat;
  /** How many samples it reads. */
  readable: number;
}

export interface TimestampDetection {
  /** The format to read the column with, or null when it cannot be decided (see `problem`). */
  format: TimestampFormat | null;
  /** For epoch columns, the unit inferred from magnitude. */
  epochUnit: EpochUnit | null;
  /** Some timestamps carry no offset (or only an abbreviation), so the import needs a time zone. */
  needsTimeZone: boolean;
  problem: string | null;
  /** Every format that reads some of the samples, the most readable first: what the user chooses from. */
  choices: TimestampChoice[];
  /** Zone abbreviations the samples carry (EDT, CET), which the chosen zone must agree with. */
  abbreviations: string[];
}

type TextFormat = Exclude<TimestampFormat, `epoch-${string}`>;
const TEXT_FORMATS = TIMESTAMP_FORMATS.filter((f): f is TextFormat => epochUnitOf(f) === null);
const DAY_MONTH_PAIRS: [TextFormat, TextFormat][] = [
  ['MM/DD/YYYY', 'DD/MM/YYYY'],
  ['MM/DD/YY', 'DD/MM/YY'],
];

function readable(texts: readonly string[], format: TimestampFormat): number {
  if (epochUnitOf(format) !== null) return texts.filter(looksLikeEpoch).length;
  let n = 0;
  for (const t of texts) if (parseTimestampText(t, format as TextFormat).ok) n++;
  return n;
}

/** Every format that reads some of the samples, most readable first (ties keep the list's order). */
export function timestampChoices(texts: readonly string[]): TimestampChoice[] {
  const out: TimestampChoice[] = [];
  const epochs = texts.filter(looksLikeEpoch).map(Number);
  if (epochs.length > 0) out.push({ format: epochFormat(inferEpochUnit(epochs) ?? 'ms'), readable: epochs.length });
  for (const format of TEXT_FORMATS) {
    const n = readable(texts, format);
    // YYYY/MM/DD also reads dashes; where ISO reads as much, it adds nothing to the choice.
    if (n > 0 && !(format === 'YYYY/MM/DD' && (out.find((c) => c.format === 'iso')?.readable ?? 0) >= n)) out.push({ format, readable: n });
  }
  return out.sort((a, b) => b.readable - a.readable);
}

/**
 * The last detection and what it was asked: the files of a folder (one history each, exported over the same
 * period) often start with the very same timestamps, and detecting costs every format over every sample.
 */
let memo: { texts: string[]; declared: TimestampFormat | 'auto'; result: TimestampDetection } | null = null;

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A copy callers may keep or change without touching the memo. */
function copyOf(r: TimestampDetection): TimestampDetection {
  return { ...r, choices: r.choices.map((c) => ({ ...c })), abbreviations: [...r.abbreviations] };
}

/** Detect a column's timestamp format from sample texts, or use the declared one and only check for zones. */
export function detectTimestampFormat(samples: readonly string[], declared: TimestampFormat | 'auto' = 'auto'): TimestampDetection {
  const texts = samples
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .slice(0, 500);
  if (memo !== null && memo.declared === declared && sameTexts(memo.texts, texts)) return copyOf(memo.result);
  const result = detectFrom(texts, declared);
  memo = { texts, declared, result: copyOf(result) };
  return result;
}

function detectFrom(texts: string[], declared: TimestampFormat | 'auto'): TimestampDetection {
  const choices = timestampChoices(texts);
  const none: TimestampDetection = { format: null, epochUnit: null, needsTimeZone: false, problem: null, choices, abbreviations: [] };
  let format: TimestampFormat | null = declared === 'auto' ? null : declared;
  let epochUnit: EpochUnit | null = null;
  if (format === null) {
    const best = choices[0];
    if (best === undefined) {
      const example = texts[0];
      return {
        ...none,
        problem:
          example === undefined
            ? 'No timestamps found to detect their format.'
            : `Timestamps like ${quoteText(example)} are in no format we read: declare the timestamp format.`,
      };
    }
    const pair = DAY_MONTH_PAIRS.find((p) => p.includes(best.format as TextFormat));
    if (pair) return { ...none, problem: dayMonthProblem(texts, pair, choices) };
    format = best.format;
    epochUnit = epochUnitOf(format);
  }
  if (epochUnitOf(format) !== null) return { ...none, format, epochUnit };
  const abbreviations = new Set<string>();
  let needsTimeZone = false;
  let parsed = 0;
  for (const t of texts) {
    const p = parseTimestampText(t, format as TextFormat);
    if (!p.ok) continue;
    parsed++;
    if (p.offsetMs === null) needsTimeZone = true;
    if (p.zone !== null) abbreviations.add(p.zone);
  }
  if (parsed === 0) needsTimeZone = texts.some((t) => !OFFSET_TAIL.test(t));
  return { ...none, format, epochUnit, needsTimeZone, abbreviations: [...abbreviations] };
}

function dayMonthProblem(texts: readonly string[], [monthFirst, dayFirst]: [TextFormat, TextFormat], choices: readonly TimestampChoice[]): string {
  const example = texts.find((t) => AMBIGUOUS_SLASHED.test(t)) ?? texts[0] ?? '';
  const count = (f: TextFormat) => choices.find((c) => c.format === f)?.readable ?? 0;
  const [m, d] = [count(monthFirst), count(dayFirst)];
  const hint =
    d > m ? ` The file has days above 12 first, which suggests ${dayFirst}.` : m > d ? ` The file has days above 12 second, which suggests ${monthFirst}.` : '';
  return `Dates like ${quoteText(example)} can be read day-first or month-first: declare the timestamp format (${monthFirst} or ${dayFirst}).${hint}`;
}
